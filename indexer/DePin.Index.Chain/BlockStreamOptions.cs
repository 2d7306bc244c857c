using System.Globalization;

namespace DePin.Index.Chain;

/// <summary>
/// Settings of a <see cref="PollingBlockStream"/>. Each item states its unit and default; <see cref="FromEnvironment"/>
/// reads the <c>DEPIN_</c> overrides named on each item. Checked once by the stream, naming the bad item.
/// </summary>
public sealed class BlockStreamOptions
{
    /// <summary>
    /// Blocks: those more than this far below the head are final (scanned in ranges with eth_getLogs); nearer ones
    /// are walked block by block with parent-hash checks. Default 250 (graph-node ETHEREUM_REORG_THRESHOLD).
    /// <c>DEPIN_REORG_THRESHOLD</c>.
    /// </summary>
    public int ReorgThreshold { get; set; } = 250;

    /// <summary>How often eth_blockNumber is polled once the stream has caught up. Default 200 ms. <c>DEPIN_POLL_INTERVAL_MS</c>.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Blocks in the first backfill range. Default 20: doubling reaches 2,000 in seven ranges on a sparse chain, and a
    /// dense one (the devnet's packed DePIN blocks hold about 1,000 logs each) starts near the target instead of with
    /// one 100,000-log answer that nothing overlaps (graph-node starts at one block). <c>DEPIN_INITIAL_BLOCK_RANGE</c>.
    /// </summary>
    public int InitialBlockRange { get; set; } = 20;

    /// <summary>Smallest range the adaptive size shrinks to. Default 1.</summary>
    public int MinBlockRange { get; set; } = 1;

    /// <summary>Largest range the adaptive size grows to. Default 2000 (graph-node GRAPH_ETHEREUM_MAX_BLOCK_RANGE_SIZE). <c>DEPIN_MAX_BLOCK_RANGE</c>.</summary>
    public int MaxBlockRange { get; set; } = 2000;

    /// <summary>
    /// Logs per eth_getLogs range the adaptive size aims at: after a range with fewer than half of it the next range
    /// is twice as long, after one with more than twice as many it is half as long. Independent of this, a node's
    /// "too many results"/"query returned more than" error, a timeout or an oversized answer halves the range and
    /// asks again. Default 20,000 logs. <c>DEPIN_TARGET_LOGS_PER_RANGE</c>.
    /// </summary>
    public int TargetLogsPerRange { get; set; } = 20_000;

    /// <summary>
    /// Scanned ranges (or head blocks) kept ready ahead of the consumer: the next range is fetched while the
    /// consumer processes the current one. Default 2 events.
    /// </summary>
    public int PrefetchEvents { get; set; } = 2;

    /// <summary>Blocks whose headers are read per round near the head (each is still yielded as its own event). Default 50.</summary>
    public int HeadBatchBlocks { get; set; } = 50;

    /// <summary>Addresses per eth_getLogs call. Default 2000 (graph-node GRAPH_ETH_GET_LOGS_MAX_CONTRACTS).</summary>
    public int MaxAddressesPerGetLogs { get; set; } = 2000;

    /// <summary>Delay before the first retry of a failed step; doubles per failure (with jitter). Default 250 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest delay between retries. Default 15 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Consecutive failed attempts after which the stream stops with a <see cref="BlockStreamException"/>; 0 retries
    /// for ever (an indexer rides out an RPC outage). Default 0. <c>DEPIN_BLOCK_STREAM_MAX_ATTEMPTS</c>.
    /// </summary>
    public int MaxAttempts { get; set; }

    /// <summary>Fetch the transactions of log triggers. Default true (mappings read <c>event.transaction</c>).</summary>
    public bool FetchTransactions { get; set; } = true;

    /// <summary>A copy with the <c>DEPIN_</c> environment overrides applied to <paramref name="defaults"/> (or to the defaults).</summary>
    /// <exception cref="ArgumentException">naming the variable whose value is not a number.</exception>
    public static BlockStreamOptions FromEnvironment(BlockStreamOptions? defaults = null)
    {
        var o = (defaults ?? new BlockStreamOptions()).Copy();
        o.ReorgThreshold = Read("DEPIN_REORG_THRESHOLD", o.ReorgThreshold);
        o.PollInterval = TimeSpan.FromMilliseconds(Read("DEPIN_POLL_INTERVAL_MS", (int)o.PollInterval.TotalMilliseconds));
        o.InitialBlockRange = Read("DEPIN_INITIAL_BLOCK_RANGE", o.InitialBlockRange);
        o.MaxBlockRange = Read("DEPIN_MAX_BLOCK_RANGE", o.MaxBlockRange);
        o.TargetLogsPerRange = Read("DEPIN_TARGET_LOGS_PER_RANGE", o.TargetLogsPerRange);
        o.MaxAttempts = Read("DEPIN_BLOCK_STREAM_MAX_ATTEMPTS", o.MaxAttempts);
        return o;
    }

    internal BlockStreamOptions Copy() => (BlockStreamOptions)MemberwiseClone();

    internal void Validate()
    {
        Check(ReorgThreshold >= 0, nameof(ReorgThreshold), ReorgThreshold, "must not be negative");
        Check(PollInterval > TimeSpan.Zero, nameof(PollInterval), PollInterval, "must be positive");
        Check(MinBlockRange >= 1, nameof(MinBlockRange), MinBlockRange, "must be at least 1");
        Check(MaxBlockRange >= MinBlockRange, nameof(MaxBlockRange), MaxBlockRange, $"must not be below MinBlockRange ({MinBlockRange})");
        Check(InitialBlockRange >= MinBlockRange && InitialBlockRange <= MaxBlockRange, nameof(InitialBlockRange), InitialBlockRange,
            $"must be between MinBlockRange ({MinBlockRange}) and MaxBlockRange ({MaxBlockRange})");
        Check(TargetLogsPerRange >= 1, nameof(TargetLogsPerRange), TargetLogsPerRange, "must be at least 1");
        Check(PrefetchEvents >= 1, nameof(PrefetchEvents), PrefetchEvents, "must be at least 1");
        Check(HeadBatchBlocks >= 1, nameof(HeadBatchBlocks), HeadBatchBlocks, "must be at least 1");
        Check(MaxAddressesPerGetLogs >= 1, nameof(MaxAddressesPerGetLogs), MaxAddressesPerGetLogs, "must be at least 1");
        Check(RetryBaseDelay >= TimeSpan.Zero, nameof(RetryBaseDelay), RetryBaseDelay, "must not be negative");
        Check(RetryMaxDelay >= RetryBaseDelay, nameof(RetryMaxDelay), RetryMaxDelay, $"must not be below RetryBaseDelay ({RetryBaseDelay})");
        Check(MaxAttempts >= 0, nameof(MaxAttempts), MaxAttempts, "must not be negative (0 = retry for ever)");
    }

    private static void Check(bool ok, string name, object value, string rule)
    {
        if (!ok) throw new ArgumentException($"BlockStreamOptions.{name} {rule}, got {value}", name);
    }

    private static int Read(string variable, int fallback)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new ArgumentException($"{variable} must be an integer, got '{text}'", variable);
    }
}
