using DePin.Index.Chain.Tests.Triggers;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Subgraph.Manifest;

namespace DePin.Index.Chain.Tests.Stream;

/// <summary>Manifests over emitters and helpers to consume a stream in tests.</summary>
internal static class StreamTestKit
{
    /// <summary>Fast settings for anvil: short polls and backoff, a bounded number of attempts so a bug fails the test.</summary>
    public static BlockStreamOptions Options(int reorgThreshold = 250) => new()
    {
        ReorgThreshold = reorgThreshold,
        PollInterval = TimeSpan.FromMilliseconds(20),
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        RetryMaxDelay = TimeSpan.FromMilliseconds(50),
        MaxAttempts = 50,
    };

    public static string PingSource(string name, Address address, long start = 0, long? end = null, string[]? blocks = null) =>
        TestManifest.Source(name, address, start, end, events: [$"{TestChain.PingSignature} → handlePing"], blocks: blocks);

    public static IReadOnlyList<DataSourceInstance> Sources(string dataSources, string templates = "") =>
        DataSourceInstance.FromManifest(TestManifest.Parse(dataSources, templates));

    public static SubgraphManifest Manifest(string dataSources, string templates = "") => TestManifest.Parse(dataSources, templates);

    public static PollingBlockStream NewStream(TestChain chain, IEnumerable<DataSourceInstance> sources, BlockPtr? cursor = null, BlockStreamOptions? options = null,
        IChainReader? reader = null) =>
        new(reader ?? new EthRpcChainReader(chain.Rpc), sources, cursor, options ?? Options());

    /// <summary>Reads events until the cursor reaches <paramref name="untilBlock"/> (or the stream ends); fails after 60 s.</summary>
    public static async Task<List<BlockStreamEvent>> ReadUntilAsync(PollingBlockStream stream, long untilBlock, Func<BlockStreamEvent, Task>? onEvent = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var events = new List<BlockStreamEvent>();
        await foreach (var e in stream.ReadAllAsync(timeout.Token))
        {
            events.Add(e);
            if (onEvent is not null) await onEvent(e);
            if (stream.Cursor is { } c && c.Number >= untilBlock && e is ProcessBlocks) break;
        }
        return events;
    }

    /// <summary>The emitter ids of the log triggers, in delivery order.</summary>
    public static List<long> LogIds(IEnumerable<BlockStreamEvent> events) =>
        events.OfType<ProcessBlocks>().SelectMany(p => p.Blocks).SelectMany(b => b.Triggers)
            .Where(t => t.Kind == TriggerKind.Log).Select(t => TestChain.IdOf(t.Log!)).ToList();

    /// <summary>The ids the consumer holds after applying reverts (what it would have in its store).</summary>
    public static List<long> AppliedIds(IEnumerable<BlockStreamEvent> events)
    {
        var kept = new List<(long Block, long Id)>();
        foreach (var e in events)
        {
            switch (e)
            {
                case ProcessBlocks p:
                    foreach (var t in p.Blocks.SelectMany(b => b.Triggers).Where(t => t.Kind == TriggerKind.Log)) kept.Add((t.BlockNumber, TestChain.IdOf(t.Log!)));
                    break;
                case Revert r:
                    kept.RemoveAll(k => k.Block > r.To.Number);
                    break;
            }
        }
        return kept.Select(k => k.Id).ToList();
    }
}
