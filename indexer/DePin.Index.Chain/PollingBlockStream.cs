using System.Runtime.CompilerServices;
using System.Threading.Channels;
using DePin.Index.Chain.Internal;

namespace DePin.Index.Chain;

/// <summary>
/// The block stream of one deployment over JSON-RPC polling (graph-node's <c>PollingBlockStream</c>). Pull-based:
/// <see cref="ReadAllAsync"/> yields <see cref="ProcessBlocks"/> and <see cref="Revert"/> events in order, starting
/// after the cursor given to the constructor (the deployment's committed cursor; null starts at the lowest start
/// block). Each event assumes the consumer finished the previous one, so after a crash a new stream from the
/// committed cursor resumes exactly there.
/// <para>
/// Final blocks (more than <see cref="BlockStreamOptions.ReorgThreshold"/> below the head) are scanned with
/// eth_getLogs over adaptive ranges, batch by batch, the next range fetched while the consumer works; nearer the
/// head blocks come one by one, each checked to be the child of the previous one. When a block's parent is not our
/// cursor, the stream walks back its recent blocks to the common ancestor and yields <see cref="Revert"/> to it
/// (dynamic data sources created above the ancestor are dropped), then the new branch. RPC failures are retried
/// with backoff from the same cursor: no block is skipped.
/// </para>
/// <para>
/// Dynamic data sources: a handler of block B that instantiates templates calls <see cref="AddDataSourcesAsync"/>
/// while B's event is being processed. It returns B's triggers for the new data sources (graph-node runs them right
/// after B's own triggers); the blocks after B in the current batch are stale and must be dropped, and the next
/// event starts at B + 1 with the new data sources included.
/// </para>
/// </summary>
public sealed class PollingBlockStream : IAsyncDisposable
{
    private readonly IChainReader _reader;
    private readonly BlockStreamOptions _options;
    private readonly AdaptiveRange _range;
    private readonly StreamState _committed;
    private Channel<BlockStreamEvent>? _channel;
    private CancellationTokenSource? _producerStop;
    private Task? _producer;
    private int _reading;

    /// <param name="reader">The chain (e.g. <see cref="EthRpcChainReader"/>).</param>
    /// <param name="dataSources">Static data sources in manifest order, then the persisted dynamic ones in creation order.</param>
    /// <param name="cursor">The last block processed (committed); null when nothing was processed yet.</param>
    /// <param name="options">Settings; null = defaults.</param>
    public PollingBlockStream(IChainReader reader, IEnumerable<DataSourceInstance> dataSources, BlockPtr? cursor, BlockStreamOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(dataSources);
        _options = (options ?? new BlockStreamOptions()).Copy();
        _options.Validate();
        _reader = reader;
        var filter = new TriggerFilter(dataSources);
        if (cursor is { } c && filter.DataSources.FirstOrDefault(d => d.CreationBlock > c.Number) is { } late)
        {
            throw new ArgumentException($"dynamic data source {late} was created after the cursor {c}", nameof(dataSources));
        }
        // enough to walk back past the threshold, and to keep every block of a backfill batch (AddDataSourcesAsync names one)
        var chain = new RecentChain(_options.ReorgThreshold + Math.Max(_options.MaxBlockRange, _options.HeadBatchBlocks) + 64, cursor is { } p ? [p] : null);
        _committed = new StreamState(cursor, chain, filter);
        _range = new AdaptiveRange(_options, Diagnostics);
    }

    /// <summary>The last block handed out (or the target of the last revert); null before the first event.</summary>
    public BlockPtr? Cursor => _committed.Cursor;

    /// <summary>The data sources as of the last event handed out.</summary>
    public IReadOnlyList<DataSourceInstance> DataSources => _committed.Filter.DataSources;

    public BlockStreamDiagnostics Diagnostics { get; } = new();

    /// <summary>
    /// The events, in order, until every data source has passed its end block (never, when one has none) or
    /// <paramref name="cancellationToken"/> fires. One reader at a time; leaving an enumeration and starting another
    /// continues after the last event handed out.
    /// </summary>
    /// <exception cref="BlockStreamException">when the stream cannot go on (the message names the block and cause).</exception>
    /// <exception cref="TriggerException">for a deterministic matching error at a block.</exception>
    public async IAsyncEnumerable<BlockStreamEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _reading, 1) == 1) throw new InvalidOperationException("a block stream has one reader at a time");
        try
        {
            while (true)
            {
                var channel = _channel ?? StartProducer();
                if (!await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false)) yield break;
                if (!channel.Reader.TryRead(out var e)) continue;
                _committed.Apply(e);
                yield return e;
            }
        }
        finally
        {
            await StopProducerAsync().ConfigureAwait(false);
            Volatile.Write(ref _reading, 0);
        }
    }

    /// <summary>
    /// Adds data sources created from templates by the handlers of block <paramref name="at"/> (each made with
    /// <see cref="DataSourceInstance.FromTemplate"/> and that block's number) and returns block
    /// <paramref name="at"/>'s triggers for them alone, ordered, with their transactions. Call it while processing
    /// the event that holds <paramref name="at"/>; drop the rest of that event's blocks: the stream continues at
    /// <paramref name="at"/> + 1 with the new data sources. A revert below <paramref name="at"/> removes them.
    /// </summary>
    /// <exception cref="ArgumentException">when <paramref name="at"/> was not handed out by this stream, or a data source does not fit.</exception>
    /// <exception cref="BlockStreamException">when block <paramref name="at"/> is no longer canonical (a reorg is under way) or reading it keeps failing.</exception>
    public async Task<BlockWithTriggers> AddDataSourcesAsync(BlockPtr at, IReadOnlyList<DataSourceInstance> created, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(created);
        if (created.Count == 0) throw new ArgumentException("no data sources to add", nameof(created));
        foreach (var d in created)
        {
            if (d.CreationBlock != at.Number) throw new ArgumentException($"{d} must be created at block #{at.Number} (use DataSourceInstance.FromTemplate)", nameof(created));
        }
        if (!_committed.Chain.TryGet(at.Number, out var known) || known != at || _committed.Cursor is not { } cursor || cursor.Number < at.Number)
        {
            throw new ArgumentException($"block {at} was not handed out by this stream (or was reverted)", nameof(at));
        }
        if (_committed.Filter.DataSources.Any(d => d.CreationBlock > at.Number))
        {
            throw new ArgumentException($"data sources were already created after block {at}", nameof(at));
        }
        await StopProducerAsync().ConfigureAwait(false);
        _committed.RewindTo(at);
        _committed.Filter = _committed.Filter.Add(created);
        return await new SingleBlockScanner(_reader, _options, Diagnostics).ScanAsync(new TriggerFilter(created), at, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopProducerAsync().ConfigureAwait(false);

    private Channel<BlockStreamEvent> StartProducer()
    {
        var channel = Channel.CreateBounded<BlockStreamEvent>(new BoundedChannelOptions(_options.PrefetchEvents)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var stop = new CancellationTokenSource();
        var producer = new StreamProducer(_reader, _options, _range, Diagnostics, _committed.Clone(), channel.Writer);
        _producer = Task.Run(() => producer.RunAsync(stop.Token));
        _producerStop = stop;
        _channel = channel;
        return channel;
    }

    private async Task StopProducerAsync()
    {
        if (_producer is null) return;
        await _producerStop!.CancelAsync().ConfigureAwait(false);
        await _producer.ConfigureAwait(false); // RunAsync reports through the channel, it does not throw
        _producerStop.Dispose();
        _producer = null;
        _producerStop = null;
        _channel = null;
    }
}
