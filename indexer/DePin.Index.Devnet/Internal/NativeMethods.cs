using System.Runtime.InteropServices;

namespace DePin.Index.Devnet.Internal;

/// <summary>The two libc calls .NET has no managed API for: sending SIGTERM and asking for the effective uid.</summary>
internal static partial class NativeMethods
{
    public const int SigInt = 2;
    public const int SigTerm = 15;
    public const int SigKill = 9;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEffectiveUserId();
}
