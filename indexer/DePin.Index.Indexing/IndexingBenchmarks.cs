using System.Diagnostics;
using DePin.Index.Chain;
using DePin.Index.Subgraph;

namespace DePin.Index.Indexing;

/// <summary>
/// Throughput of the in-memory indexing path on one thread: a subgraph run over pre-fetched blocks of triggers
/// (no RPC), each block's changes applied to an <see cref="InMemoryEntitySource"/>, so the figure measures trigger
/// marshalling, the WebAssembly mappings, the entity cache and the block's change set — everything of the pipeline
/// but the chain and the database. Used by <c>depin bench</c>.
/// </summary>
public static class IndexingBenchmarks
{
    /// <summary>
    /// Runs <paramref name="definition"/> over <paramref name="blocks"/> (increasing block numbers) once untimed
    /// (JIT tier-up, wasm compilation) and then again, timed, on a fresh instance and store.
    /// </summary>
    /// <param name="definition">The subgraph (graph-cli's build output).</param>
    /// <param name="blocks">The blocks with their triggers and transactions, as the block stream yields them.</param>
    /// <param name="warmupBlocks">Blocks of the untimed pass (default: all of them).</param>
    /// <param name="options">Instance options (mapping host limits, no RPC access).</param>
    /// <exception cref="IndexingException">when a handler fails.</exception>
    public static IndexingBenchmarkResult EventsPerSecondInMemory(
        SubgraphDefinition definition,
        IReadOnlyList<BlockWithTriggers> blocks,
        int? warmupBlocks = null,
        SubgraphInstanceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(blocks);
        Run(definition, blocks.Take(warmupBlocks ?? blocks.Count), options, out var warm, out _);
        warm.Dispose();

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var (events, modifications, applyTicks, timings) = Run(definition, blocks, options, out var instance, out var store);
        clock.Stop();
        process.Refresh();
        cpu = process.TotalProcessorTime - cpu;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        instance.Dispose();
        GC.KeepAlive(store);
        return new IndexingBenchmarkResult(
            events, blocks.Count, modifications, clock.Elapsed, cpu,
            timings.Marshal, timings.Handlers, timings.EndBlock, Stopwatch.GetElapsedTime(0, applyTicks),
            allocated, GC.CollectionCount(0) - gen0, GC.CollectionCount(2) - gen2)
        {
            AllocatedPerEvent = (timings.MarshalBytes / Math.Max(1, events), timings.HandlerBytes / Math.Max(1, events), timings.EndBlockBytes / Math.Max(1, events)),
        };
    }

    private static (long Events, long Modifications, long ApplyTicks, ProcessingTimings Timings) Run(
        SubgraphDefinition definition, IEnumerable<BlockWithTriggers> blocks, SubgraphInstanceOptions? options,
        out SubgraphInstance instance, out InMemoryEntitySource store)
    {
        store = new InMemoryEntitySource(definition.Schema);
        instance = new SubgraphInstance(definition, store, options);
        instance.Timings.Reset();
        long events = 0, applyTicks = 0;
        foreach (var block in blocks)
        {
            var changes = instance.ProcessBlock(block);
            var started = Stopwatch.GetTimestamp();
            store.Apply(changes);
            applyTicks += Stopwatch.GetTimestamp() - started;
            events += changes.HandlersRun;
        }

        return (events, store.ModificationCount, applyTicks, instance.Timings);
    }
}
