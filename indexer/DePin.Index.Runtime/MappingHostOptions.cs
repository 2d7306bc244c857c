using System.Globalization;

namespace DePin.Index.Runtime;

/// <summary>
/// Limits for running mapping handlers. Each limit, when hit, fails the handler with a
/// <see cref="DeterministicMappingException"/>; the process and other instances are unaffected.
/// Every item can be overridden by an environment variable (see <see cref="FromEnvironment"/>).
/// </summary>
public sealed record MappingHostOptions
{
    /// <summary>
    /// Wasmtime fuel per handler invocation (about one unit per WebAssembly instruction); also
    /// charged by host functions (<see cref="HostCallFuel"/>). Default 10,000,000,000 — seconds
    /// of pure computation, far above any real handler (a DeviceRegistered-style handler uses
    /// tens of thousands). <c>DEPIN_MAPPING_FUEL</c>.
    /// </summary>
    public ulong FuelPerHandler { get; init; } = 10_000_000_000;

    /// <summary>
    /// Fuel charged for every host-function call, on top of the WebAssembly instructions, so a
    /// loop over cheap host calls is bounded too. Default 1,000. <c>DEPIN_MAPPING_HOST_CALL_FUEL</c>.
    /// </summary>
    public ulong HostCallFuel { get; init; } = 1_000;

    /// <summary>
    /// Maximum size of a module's linear memory in bytes. Default 256 MiB.
    /// <c>DEPIN_MAPPING_MAX_MEMORY_BYTES</c>.
    /// </summary>
    public long MaxMemoryBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// Wall-clock limit per handler invocation, enforced with Wasmtime epoch interruption at a
    /// 10 ms granularity; host calls (RPC) count too. Default 30 s. <c>DEPIN_MAPPING_TIMEOUT_MS</c>.
    /// </summary>
    public TimeSpan HandlerTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Maximum WebAssembly stack in bytes (graph-node's default, 512 KiB); deeper recursion traps.
    /// <c>DEPIN_MAPPING_MAX_STACK_BYTES</c>.
    /// </summary>
    public int MaxStackBytes { get; init; } = 512 * 1024;

    /// <summary>
    /// A pooled instance whose memory grew beyond this many bytes is replaced by a fresh
    /// instance instead of being reset (resetting costs time proportional to memory size).
    /// Default 2 MiB. <c>DEPIN_MAPPING_MAX_POOLED_MEMORY_BYTES</c>.
    /// </summary>
    public long MaxPooledMemoryBytes { get; init; } = 2L * 1024 * 1024;

    /// <summary>The defaults, overridden by any <c>DEPIN_MAPPING_*</c> environment variables set.</summary>
    public static MappingHostOptions FromEnvironment()
    {
        var o = new MappingHostOptions();
        return o with
        {
            FuelPerHandler = Read("DEPIN_MAPPING_FUEL", o.FuelPerHandler, ulong.Parse),
            HostCallFuel = Read("DEPIN_MAPPING_HOST_CALL_FUEL", o.HostCallFuel, ulong.Parse),
            MaxMemoryBytes = Read("DEPIN_MAPPING_MAX_MEMORY_BYTES", o.MaxMemoryBytes, long.Parse),
            HandlerTimeout = Read("DEPIN_MAPPING_TIMEOUT_MS", o.HandlerTimeout, (s, c) => TimeSpan.FromMilliseconds(long.Parse(s, c))),
            MaxStackBytes = Read("DEPIN_MAPPING_MAX_STACK_BYTES", o.MaxStackBytes, int.Parse),
            MaxPooledMemoryBytes = Read("DEPIN_MAPPING_MAX_POOLED_MEMORY_BYTES", o.MaxPooledMemoryBytes, long.Parse),
        };
    }

    internal void Validate()
    {
        if (FuelPerHandler == 0 || MaxMemoryBytes < 65536 || HandlerTimeout <= TimeSpan.Zero || MaxStackBytes < 16 * 1024)
        {
            throw new ArgumentException(
                "mapping limits must be positive: fuel > 0, memory ≥ 64 KiB, timeout > 0, stack ≥ 16 KiB");
        }
    }

    private static T Read<T>(string name, T fallback, Func<string, IFormatProvider, T> parse)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        try
        {
            return parse(text.Trim(), CultureInfo.InvariantCulture);
        }
        catch (FormatException e)
        {
            throw new FormatException($"environment variable {name}='{text}' is not a valid number", e);
        }
    }
}
