using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Subgraph.Manifest;

namespace DePin.Index.Chain.Internal;

/// <summary>A data source prepared for matching: handlers by topic0, its block handlers by trigger kind.</summary>
internal sealed class CompiledDataSource
{
    private readonly Dictionary<Hash32, CompiledEventHandler[]> _byTopic0;
    private readonly MappingBlockHandler? _once;
    private readonly MappingBlockHandler[] _endCandidates;

    public CompiledDataSource(DataSourceInstance source, int ordinal)
    {
        Source = source;
        Ordinal = ordinal;
        var mapping = source.Definition.Mapping;
        if (mapping.CallHandlers.Count > 0)
        {
            throw new NotSupportedException($"data source {source.Name}: call handlers need a trace API (trace_filter), which this indexer does not use");
        }
        foreach (var b in mapping.BlockHandlers)
        {
            if (b.Filter?.Kind == BlockHandlerFilterKind.Call)
                throw new NotSupportedException($"data source {source.Name}: block handler {b.Handler} with `filter: call` needs a trace API, which this indexer does not use");
            if (b.Filter is { Kind: BlockHandlerFilterKind.Polling, Every: not > 0 })
                throw new ArgumentException($"data source {source.Name}: block handler {b.Handler} has `filter: polling` without a positive `every`");
        }
        _byTopic0 = mapping.EventHandlers
            .Select(h => new CompiledEventHandler(h))
            .GroupBy(h => h.Topic0)
            .ToDictionary(g => g.Key, g => g.ToArray());
        Topic0s = [.. _byTopic0.Keys];
        _once = mapping.BlockHandlers.FirstOrDefault(b => b.Filter?.Kind == BlockHandlerFilterKind.Once);
        _endCandidates = mapping.BlockHandlers.Where(b => b.Filter is null || b.Filter.Kind == BlockHandlerFilterKind.Polling).ToArray();
        EveryBlock = _endCandidates.Any(b => b.Filter is null);
    }

    public DataSourceInstance Source { get; }

    /// <summary>Position among the deployment's data sources: static in manifest order, then dynamic in creation order.</summary>
    public int Ordinal { get; }

    public IReadOnlyList<Hash32> Topic0s { get; }

    public bool HasBlockHandlers => _once is not null || _endCandidates.Length > 0;

    /// <summary>True when an unfiltered block handler runs on every block.</summary>
    public bool EveryBlock { get; }

    /// <summary>
    /// The event handler for a log, or null (graph-node <c>handlers_for_log</c> + the decode check that drops a
    /// handler whose event has another number of indexed parameters).
    /// </summary>
    /// <exception cref="TriggerException">when several handlers match (graph-node: only one is supported).</exception>
    public MappingEventHandler? HandlerFor(Log log)
    {
        if (log.Topics.Length == 0 || !_byTopic0.TryGetValue(log.Topics[0], out var handlers)) return null;
        MappingEventHandler? found = null;
        foreach (var h in handlers)
        {
            if (!h.Matches(log)) continue;
            if (found is not null)
            {
                throw new TriggerException(Source.Name, log.BlockNumber,
                    $"Multiple handlers defined for event `{h.Handler.Event}`, only one is supported (data source {Source.Name}, log {log.LogIndex} of block #{log.BlockNumber})");
            }
            found = h.Handler;
        }
        return found;
    }

    /// <summary>The <c>once</c> handler when <paramref name="block"/> is the start block (graph-node <c>Start</c> trigger).</summary>
    public MappingBlockHandler? StartHandlerAt(long block) =>
        _once is not null && block == Source.StartBlock ? _once : null;

    /// <summary>
    /// The first unfiltered or due <c>polling</c> handler (graph-node <c>End</c> trigger: <c>find</c>, so at most one).
    /// </summary>
    public MappingBlockHandler? EndHandlerAt(long block)
    {
        foreach (var b in _endCandidates)
        {
            if (b.Filter is null || (block - Source.StartBlock) % b.Filter.Every!.Value == 0) return b;
        }
        return null;
    }

    /// <summary>Appends to <paramref name="into"/> the blocks of from..to (within the active range) with a block trigger.</summary>
    public void AddBlockTriggerBlocks(long from, long to, SortedSet<long> into)
    {
        if (!HasBlockHandlers) return;
        var first = Math.Max(from, Source.StartBlock);
        var last = Source.EndBlock is { } end ? Math.Min(to, end) : to;
        if (first > last) return;
        if (EveryBlock)
        {
            for (var b = first; b <= last; b++) into.Add(b);
            return;
        }
        if (_once is not null && Source.StartBlock >= first && Source.StartBlock <= last) into.Add(Source.StartBlock);
        foreach (var p in _endCandidates)
        {
            long every = p.Filter!.Every!.Value;
            var offset = (first - Source.StartBlock) % every;
            for (var b = offset == 0 ? first : first + every - offset; b <= last; b += every) into.Add(b);
        }
    }
}
