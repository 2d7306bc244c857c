using System.Globalization;

namespace DePin.Index.Devnet.Internal;

/// <summary>
/// Reads /proc to tell whether a recorded PID is still the process we started (alive, not a zombie, same
/// command name and start time), and stops processes by PID with SIGTERM, then SIGKILL.
/// </summary>
internal static class ProcessTable
{
    /// <summary>True when the process exists and is neither a zombie nor dead (zombies stay in /proc until reaped).</summary>
    public static bool IsAlive(int pid)
    {
        var stat = ReadStat(pid);
        return stat is not null && stat.Value.State is not ('Z' or 'X' or 'x');
    }

    /// <summary>The kernel's command name (/proc/PID/comm, at most 15 characters), or null.</summary>
    public static string? CommandName(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").TrimEnd('\n');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Start time in clock ticks since boot (field 22 of /proc/PID/stat): with the PID, a process's identity.</summary>
    public static long? StartTicks(int pid) => ReadStat(pid)?.StartTicks;

    /// <summary>
    /// True when <paramref name="pid"/> is alive and still the recorded process: its command name starts with
    /// <paramref name="commandName"/> and, when known, its start time is the recorded one (guards against PID reuse).
    /// </summary>
    public static bool IsSameProcess(int pid, string commandName, long? startTicks)
    {
        if (pid <= 0 || !IsAlive(pid)) return false;
        var comm = CommandName(pid);
        if (comm is null || !comm.StartsWith(commandName, StringComparison.Ordinal)) return false;
        return startTicks is null || StartTicks(pid) == startTicks;
    }

    /// <summary>
    /// Sends <paramref name="signal"/> (SIGTERM by default), waits up to <paramref name="grace"/>, then SIGKILL;
    /// returns when the PID is gone (or after 5 s more).
    /// </summary>
    public static async Task StopAsync(int pid, TimeSpan grace, CancellationToken cancellationToken, int signal = NativeMethods.SigTerm)
    {
        if (pid <= 0 || !IsAlive(pid)) return;
        _ = NativeMethods.Kill(pid, signal);
        if (await WaitForExitAsync(pid, grace, cancellationToken).ConfigureAwait(false)) return;
        _ = NativeMethods.Kill(pid, NativeMethods.SigKill);
        await WaitForExitAsync(pid, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Polls until the PID is no longer alive; false on timeout.</summary>
    public static async Task<bool> WaitForExitAsync(int pid, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsAlive(pid))
        {
            if (DateTime.UtcNow >= deadline) return false;
            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }

    private static (char State, long StartTicks)? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        // "pid (comm) S ppid …": comm may contain spaces and parentheses, so split after the last ')'.
        var close = text.LastIndexOf(')');
        if (close < 0) return null;
        var fields = text[(close + 2)..].Split(' ');
        // fields[0] is field 3 (state); start time is field 22 → fields[19].
        if (fields.Length < 20 || fields[0].Length == 0) return null;
        var ticks = long.Parse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture);
        return (fields[0][0], ticks);
    }
}
