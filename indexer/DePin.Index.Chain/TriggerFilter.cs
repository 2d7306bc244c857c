using System.Runtime.InteropServices;
using DePin.Index.Chain.Internal;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Chain;

/// <summary>
/// The data sources of a deployment prepared for matching (pure, no I/O): which <c>eth_getLogs</c> queries a block
/// range needs, which blocks have block-handler triggers, and the ordered triggers of a block. Order follows
/// graph-node (<c>chain/ethereum/src/trigger.rs</c> <c>Ord</c>, then data sources in order for each trigger):
/// <c>once</c> block handlers first, then logs by log index (for each log the matching data sources, static in
/// manifest order then dynamic in creation order), then unfiltered and <c>polling</c> block handlers. Immutable:
/// <see cref="Add"/> and <see cref="RemoveCreatedAfter"/> return new filters.
/// </summary>
public sealed class TriggerFilter
{
    private readonly CompiledDataSource[] _sources;
    private readonly Dictionary<Address, CompiledDataSource[]> _byAddress;
    private readonly CompiledDataSource[] _anyAddress;
    private readonly CompiledDataSource[] _withBlockHandlers;

    /// <exception cref="NotSupportedException">for call handlers and <c>filter: call</c> block handlers (they need traces).</exception>
    public TriggerFilter(IEnumerable<DataSourceInstance> dataSources)
    {
        ArgumentNullException.ThrowIfNull(dataSources);
        _sources = dataSources.Select((d, i) => new CompiledDataSource(d ?? throw new ArgumentException("null data source", nameof(dataSources)), i)).ToArray();
        _byAddress = _sources.Where(s => s.Source.Address is not null)
            .GroupBy(s => s.Source.Address!.Value)
            .ToDictionary(g => g.Key, g => g.ToArray());
        _anyAddress = _sources.Where(s => s.Source.Address is null).ToArray();
        _withBlockHandlers = _sources.Where(s => s.HasBlockHandlers).ToArray();
        DataSources = _sources.Select(s => s.Source).ToArray();
    }

    /// <summary>In matching order.</summary>
    public IReadOnlyList<DataSourceInstance> DataSources { get; }

    /// <summary>The lowest start block; null without data sources.</summary>
    public long? FirstBlock => _sources.Length == 0 ? null : _sources.Min(s => s.Source.StartBlock);

    /// <summary>The highest end block when every data source has one (nothing can match after it); otherwise null.</summary>
    public long? LastBlock => _sources.Length == 0 || _sources.Any(s => s.Source.EndBlock is null) ? null : _sources.Max(s => s.Source.EndBlock!.Value);

    /// <summary>True when an unfiltered block handler is active in the range (every block of it is then a trigger block).</summary>
    public bool HasEveryBlockHandlerIn(long from, long to) => _withBlockHandlers.Any(s => s.EveryBlock && s.Source.IsActiveIn(from, to));

    /// <summary>A filter with <paramref name="added"/> appended (they match after the existing ones).</summary>
    public TriggerFilter Add(IEnumerable<DataSourceInstance> added)
    {
        ArgumentNullException.ThrowIfNull(added);
        return new TriggerFilter(DataSources.Concat(added));
    }

    /// <summary>A filter without the dynamic data sources created after <paramref name="block"/> (a revert to it).</summary>
    public TriggerFilter RemoveCreatedAfter(long block) =>
        DataSources.Any(d => d.CreationBlock > block) ? new TriggerFilter(DataSources.Where(d => !(d.CreationBlock > block))) : this;

    /// <summary>
    /// The <c>eth_getLogs</c> filters that fetch every log a trigger of <paramref name="from"/>..<paramref name="to"/>
    /// can come from: the data sources with an address active in the range (their addresses, at most
    /// <paramref name="maxAddresses"/> per filter, and the union of their topic0s) and one filter without address
    /// for those matching any address. Empty when no event handler is active. The answers may hold more logs than
    /// match (a topic0 of one contract on another); <see cref="TriggersInBlock"/> decides.
    /// </summary>
    public IReadOnlyList<LogFilter> LogFilters(long from, long to, int maxAddresses = 2000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAddresses, 1);
        var filters = new List<LogFilter>();
        var addressed = _sources.Where(s => s.Source.Address is not null && s.Topic0s.Count > 0 && s.Source.IsActiveIn(from, to)).ToList();
        if (addressed.Count > 0)
        {
            var addresses = addressed.Select(s => s.Source.Address!.Value).Distinct().Order().ToArray();
            var topics = addressed.SelectMany(s => s.Topic0s).Distinct().OrderBy(t => t.ToHex(), StringComparer.Ordinal).ToArray();
            foreach (var chunk in addresses.Chunk(maxAddresses))
            {
                filters.Add(new LogFilter { FromBlock = from, ToBlock = to, Addresses = chunk, Topics = [topics] });
            }
        }
        var wildcard = _anyAddress.Where(s => s.Topic0s.Count > 0 && s.Source.IsActiveIn(from, to)).ToList();
        if (wildcard.Count > 0)
        {
            var topics = wildcard.SelectMany(s => s.Topic0s).Distinct().OrderBy(t => t.ToHex(), StringComparer.Ordinal).ToArray();
            filters.Add(new LogFilter { FromBlock = from, ToBlock = to, Topics = [topics] });
        }
        return filters;
    }

    /// <summary>The blocks of from..to, ascending, where a block handler has a trigger (<c>once</c>, <c>polling</c> or every block).</summary>
    public IReadOnlyList<long> BlockTriggerBlocks(long from, long to)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        if (_withBlockHandlers.Length == 0) return [];
        var blocks = new SortedSet<long>();
        foreach (var s in _withBlockHandlers) s.AddBlockTriggerBlocks(from, to, blocks);
        return [.. blocks];
    }

    /// <summary>
    /// The ordered triggers of block <paramref name="blockNumber"/> given its logs (any that the
    /// <see cref="LogFilters"/> returned; they need not be sorted).
    /// </summary>
    /// <exception cref="ArgumentException">when a log belongs to another block.</exception>
    /// <exception cref="TriggerException">when two handlers of one data source match a log.</exception>
    public IReadOnlyList<Trigger> TriggersInBlock(long blockNumber, ReadOnlySpan<Log> logs)
    {
        var triggers = new List<Trigger>();
        foreach (var s in _withBlockHandlers)
        {
            if (s.Source.IsActiveAt(blockNumber) && s.StartHandlerAt(blockNumber) is { } start)
                triggers.Add(Trigger.ForBlock(s.Source, start, TriggerKind.BlockStart, blockNumber));
        }
        if (!logs.IsEmpty) AddLogTriggers(blockNumber, logs, triggers);
        foreach (var s in _withBlockHandlers)
        {
            if (s.Source.IsActiveAt(blockNumber) && s.EndHandlerAt(blockNumber) is { } end)
                triggers.Add(Trigger.ForBlock(s.Source, end, TriggerKind.BlockEnd, blockNumber));
        }
        return triggers;
    }

    /// <summary>As <see cref="TriggersInBlock(long, ReadOnlySpan{Log})"/> for a list of logs.</summary>
    public IReadOnlyList<Trigger> TriggersInBlock(long blockNumber, IReadOnlyList<Log> logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        return TriggersInBlock(blockNumber, logs is Log[] a ? a : logs is List<Log> l ? CollectionsMarshal.AsSpan(l) : logs.ToArray());
    }

    private void AddLogTriggers(long blockNumber, ReadOnlySpan<Log> logs, List<Trigger> triggers)
    {
        var sorted = true;
        for (var i = 0; i < logs.Length; i++)
        {
            if (logs[i].BlockNumber != blockNumber)
                throw new ArgumentException($"log {logs[i].LogIndex} belongs to block #{logs[i].BlockNumber}, not #{blockNumber}", nameof(logs));
            if (i > 0 && logs[i].LogIndex <= logs[i - 1].LogIndex) sorted = false;
        }
        if (!sorted)
        {
            var copy = logs.ToArray();
            Array.Sort(copy, static (a, b) => a.LogIndex.CompareTo(b.LogIndex));
            logs = copy;
        }
        var previous = -1;
        foreach (var log in logs)
        {
            if (log.LogIndex == previous || log.Removed) continue; // the same log from two queries; removed logs are not triggers
            previous = log.LogIndex;
            var byAddress = _byAddress.GetValueOrDefault(log.Address);
            if (byAddress is null && _anyAddress.Length == 0) continue;
            if (_anyAddress.Length == 0) Match(byAddress!, log, blockNumber, triggers);
            else if (byAddress is null) Match(_anyAddress, log, blockNumber, triggers);
            else Match([.. byAddress.Concat(_anyAddress).OrderBy(s => s.Ordinal)], log, blockNumber, triggers);
        }
    }

    private static void Match(CompiledDataSource[] candidates, Log log, long blockNumber, List<Trigger> triggers)
    {
        foreach (var s in candidates)
        {
            if (!s.Source.IsActiveAt(blockNumber)) continue;
            if (s.HandlerFor(log) is { } handler) triggers.Add(Trigger.ForLog(s.Source, handler, log));
        }
    }
}
