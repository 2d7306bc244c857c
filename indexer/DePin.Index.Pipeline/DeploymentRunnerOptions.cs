using System.Globalization;
using DePin.Index.Chain;
using DePin.Index.Runtime;
using DePin.Index.Store.Layout;

namespace DePin.Index.Pipeline;

/// <summary>
/// Settings of a <see cref="DeploymentRunner"/>. Each item states its unit and default; <see cref="FromEnvironment"/> applies the
/// <c>DEPIN_</c> overrides named on the items.
/// </summary>
public sealed record DeploymentRunnerOptions
{
    /// <summary>
    /// Blocks processed per store transaction at most, during backfill. Near the chain head every block is committed on its own
    /// (a batch is written as soon as the stream has nothing ready). Default 5,000. <c>DEPIN_BATCH_MAX_BLOCKS</c>.
    /// </summary>
    public int MaxBlocksPerBatch { get; init; } = 5_000;

    /// <summary>Entity changes per store transaction at most (a batch is closed after the block that reaches it). Default 40,000. <c>DEPIN_BATCH_MAX_CHANGES</c>.</summary>
    public int MaxChangesPerBatch { get; init; } = 40_000;

    /// <summary>Longest time a batch stays open before it is written. Default 2 s. <c>DEPIN_BATCH_MAX_MS</c>.</summary>
    public TimeSpan MaxBatchDuration { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Batches handed to the store writer and not yet committed, at most: mapping goes on while they are written (1 = the
    /// mapping of batch N+1 overlaps the write of batch N). Default 2.
    /// </summary>
    public int MaxQueuedBatches { get; init; } = 2;

    /// <summary>
    /// Entities the runner keeps in memory between blocks (its read-through cache of the store). When the whole deployment fits
    /// it is loaded at start and reads never reach the database; above it the largest types are evicted and read again on demand.
    /// Default 1,000,000. <c>DEPIN_ENTITY_CACHE_SIZE</c>.
    /// </summary>
    public int EntityCacheCapacity { get; init; } = 1_000_000;

    /// <summary>Delay before the first retry after a non-deterministic error; doubles per consecutive failure. Default 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest delay between retries. Default 60 s. <c>DEPIN_RETRY_MAX_MS</c>.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Blocks of history kept below the head (graph-node's <c>history_blocks</c>): the runner prunes entity versions that ended
    /// before <c>head − HistoryBlocks</c> every <see cref="PruneEveryBlocks"/> committed blocks, so time-travel queries reach that
    /// far back and no further. Must exceed the reorg threshold (a revert must find every block it may go back to intact);
    /// null = keep all history. Default null. <c>DEPIN_HISTORY_BLOCKS</c>.
    /// </summary>
    public int? HistoryBlocks { get; init; }

    /// <summary>Committed blocks between two prunes when <see cref="HistoryBlocks"/> is set. Default 1,000. <c>DEPIN_PRUNE_EVERY_BLOCKS</c>.</summary>
    public int PruneEveryBlocks { get; init; } = 1_000;

    /// <summary>
    /// How often a deployment that failed at a block whose hash is known checks whether that block is still on the chain. When a
    /// reorg has replaced it, the failure is undone (graph-node's unfail on revert) and indexing goes on from the cursor. Null =
    /// the runner ends in <see cref="RunnerState.Failed"/> at once. Default null. <c>DEPIN_UNFAIL_POLL_MS</c>.
    /// </summary>
    public TimeSpan? UnfailPollInterval { get; init; }

    /// <summary>Stop once this block is committed (state <see cref="RunnerState.Completed"/>); null = index for ever. Default null.</summary>
    public long? StopBlock { get; init; }

    /// <summary>
    /// The layout of a deployment's tables when the runner creates it. Default <see cref="DdlOptions.BulkSync"/> (as graph-node with
    /// postponed index creation: the attribute indexes are built once the deployment is synced, version uniqueness is checked
    /// with a unique index on open versions, references get btree indexes) — several times faster writes during backfill.
    /// </summary>
    public DdlOptions Ddl { get; init; } = DdlOptions.BulkSync;

    /// <summary>Block stream settings (reorg threshold 250 by default, ranges, polling); null = <see cref="BlockStreamOptions"/> defaults.</summary>
    public BlockStreamOptions? Stream { get; init; }

    /// <summary>Mapping host limits; null = <see cref="MappingHostOptions"/> defaults.</summary>
    public MappingHostOptions? Host { get; init; }

    /// <summary><c>ethereum.call</c> access for the mappings (e.g. an <c>EthRpcCallAdapter</c>); null makes such calls fail.</summary>
    public IEthereumCallAdapter? Ethereum { get; init; }

    /// <summary>Receives the runner's log lines (state changes, retries, failures) and the mappings' <c>log.*</c>; null drops them.</summary>
    public Action<MappingLogLevel, string>? Log { get; init; }

    /// <summary>Called on the writer's task after each commit (keep it short); null = nothing.</summary>
    public Action<BatchCommit>? OnCommitted { get; init; }

    /// <summary>
    /// Called after a reorg reverted the store to an ancestor (the <see cref="BatchCommit.Cursor"/>; no blocks, no changes; keep it
    /// short); null = nothing.
    /// </summary>
    public Action<BatchCommit>? OnReverted { get; init; }

    /// <summary>The overrides of the <c>DEPIN_</c> variables applied to <paramref name="defaults"/> (or to the defaults).</summary>
    /// <exception cref="ArgumentException">naming a variable whose value is not a number.</exception>
    public static DeploymentRunnerOptions FromEnvironment(DeploymentRunnerOptions? defaults = null)
    {
        var o = defaults ?? new DeploymentRunnerOptions();
        return o with
        {
            MaxBlocksPerBatch = Read("DEPIN_BATCH_MAX_BLOCKS", o.MaxBlocksPerBatch),
            MaxChangesPerBatch = Read("DEPIN_BATCH_MAX_CHANGES", o.MaxChangesPerBatch),
            MaxBatchDuration = TimeSpan.FromMilliseconds(Read("DEPIN_BATCH_MAX_MS", (int)o.MaxBatchDuration.TotalMilliseconds)),
            EntityCacheCapacity = Read("DEPIN_ENTITY_CACHE_SIZE", o.EntityCacheCapacity),
            RetryMaxDelay = TimeSpan.FromMilliseconds(Read("DEPIN_RETRY_MAX_MS", (int)o.RetryMaxDelay.TotalMilliseconds)),
            Stream = BlockStreamOptions.FromEnvironment(o.Stream),
            HistoryBlocks = ReadOptional("DEPIN_HISTORY_BLOCKS") ?? o.HistoryBlocks,
            PruneEveryBlocks = Read("DEPIN_PRUNE_EVERY_BLOCKS", o.PruneEveryBlocks),
            UnfailPollInterval = ReadOptional("DEPIN_UNFAIL_POLL_MS") is { } ms ? TimeSpan.FromMilliseconds(ms) : o.UnfailPollInterval,
        };
    }

    internal void Validate()
    {
        Check(MaxBlocksPerBatch >= 1, nameof(MaxBlocksPerBatch), MaxBlocksPerBatch, "must be at least 1");
        Check(MaxChangesPerBatch >= 1, nameof(MaxChangesPerBatch), MaxChangesPerBatch, "must be at least 1");
        Check(MaxBatchDuration > TimeSpan.Zero, nameof(MaxBatchDuration), MaxBatchDuration, "must be positive");
        Check(MaxQueuedBatches >= 1, nameof(MaxQueuedBatches), MaxQueuedBatches, "must be at least 1");
        Check(EntityCacheCapacity >= 0, nameof(EntityCacheCapacity), EntityCacheCapacity, "must not be negative");
        Check(RetryBaseDelay >= TimeSpan.Zero, nameof(RetryBaseDelay), RetryBaseDelay, "must not be negative");
        Check(RetryMaxDelay >= RetryBaseDelay, nameof(RetryMaxDelay), RetryMaxDelay, "must not be below RetryBaseDelay");
        Check(StopBlock is null or >= 0, nameof(StopBlock), StopBlock ?? 0, "must not be negative");
        Check(PruneEveryBlocks >= 1, nameof(PruneEveryBlocks), PruneEveryBlocks, "must be at least 1");
        Check(UnfailPollInterval is null || UnfailPollInterval > TimeSpan.Zero, nameof(UnfailPollInterval), UnfailPollInterval ?? TimeSpan.Zero, "must be positive");
        var threshold = (Stream ?? new BlockStreamOptions()).ReorgThreshold;
        Check(HistoryBlocks is null || HistoryBlocks > threshold, nameof(HistoryBlocks), HistoryBlocks ?? 0,
            $"must exceed the reorg threshold ({threshold} blocks): pruning inside it would leave a revert nothing to go back to");
    }

    private static void Check(bool ok, string name, object value, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"DeploymentRunnerOptions.{name} {rule}, got {value}", name);
        }
    }

    private static int? ReadOptional(string variable) =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable)) ? null : Read(variable, 0);

    private static int Read(string variable, int fallback)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new ArgumentException($"{variable} must be an integer, got '{text}'", variable);
    }
}
