using System.Diagnostics;
using System.Numerics;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Runtime.Triggers;

namespace DePin.Index.Runtime;

/// <summary>
/// Throughput of the mapping host on one thread: the same handler invoked over and over on one
/// pooled instance against an <see cref="InMemoryEntityStore"/> (so the figure measures the
/// host, not a database). Used by <c>depin bench</c>.
/// </summary>
public static class RuntimeBenchmarks
{
    /// <summary>
    /// Invokes <paramref name="handler"/> of <paramref name="wasm"/> with the triggers of
    /// <paramref name="trigger"/> (called with 0, 1, 2, …): first <paramref name="warmup"/> calls,
    /// then <paramref name="invocations"/> timed calls.
    /// </summary>
    public static RuntimeBenchmarkResult HandlerInvocationsPerSecond(
        ReadOnlySpan<byte> wasm,
        string apiVersion,
        string handler,
        Func<long, MappingTrigger> trigger,
        int invocations = 200_000,
        int warmup = 20_000,
        DataSourceInfo? dataSource = null,
        IMappingSchema? schema = null,
        MappingHostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        using var module = MappingModule.Load(wasm, apiVersion, options);
        using var instance = module.CreateInstance();
        var store = new InMemoryEntityStore(schema);
        var call = new HandlerInvocation
        {
            Handler = handler,
            Trigger = trigger(0),
            Store = store,
            DataSource = dataSource ?? new DataSourceInfo { Name = "Benchmark" },
            Schema = schema,
        };

        for (var i = 0; i < warmup; i++)
        {
            instance.Invoke(call with { Trigger = trigger(i) });
        }

        var triggers = new MappingTrigger[Math.Min(invocations, 4096)];
        for (var i = 0; i < triggers.Length; i++)
        {
            triggers[i] = trigger(warmup + i);
        }

        ulong fuel = 0;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var collections = GC.CollectionCount(0);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < invocations; i++)
        {
            fuel += instance.Invoke(call with { Trigger = triggers[i % triggers.Length] }).FuelConsumed;
        }

        clock.Stop();
        process.Refresh();
        cpu = process.TotalProcessorTime - cpu;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        return new RuntimeBenchmarkResult(invocations, clock.Elapsed, cpu, fuel / (ulong)Math.Max(1, invocations), allocated / Math.Max(1, invocations), GC.CollectionCount(0) - collections);
    }

    /// <summary>
    /// A <c>DeviceRegistered(bytes32 deviceId, address owner, uint8 kind)</c> event: devices
    /// cycle over 10,000 ids and owners over 1,000 addresses, so most calls update existing
    /// entities after the first 10,000.
    /// </summary>
    public static EventTrigger DeviceRegistered(long i)
    {
        var device = new byte[32];
        BitConverter.TryWriteBytes(device.AsSpan(24), i % 10_000);
        var owner = new byte[20];
        BitConverter.TryWriteBytes(owner.AsSpan(12), i % 1_000);
        var block = new byte[32];
        BitConverter.TryWriteBytes(block, i);
        return new EventTrigger
        {
            Block = new BlockData { Number = i, Hash = new Hash32(block), Timestamp = 1_700_000_000 + i, BaseFeePerGas = 1_000_000_000 },
            LogAddress = new Address(Enumerable.Repeat((byte)0x11, 20).ToArray()),
            LogIndex = i % 100,
            Transaction = new TransactionData { Hash = new Hash32(block), From = new Address(owner), Input = Array.Empty<byte>() },
            Parameters =
            [
                new EventParam("deviceId", AbiType.Bytes32, device),
                new EventParam("owner", AbiType.Address, new Address(owner)),
                new EventParam("kind", AbiType.UInt(8), new BigInteger(i % 6)),
            ],
        };
    }
}
