using DePin.Index.Chain;

namespace DePin.Index.Pipeline.Internal;

internal static class StreamOptions
{
    /// <summary>A copy of the options with another reorg threshold (the network's).</summary>
    public static BlockStreamOptions CopyWithThreshold(this BlockStreamOptions o, int reorgThreshold) => new()
    {
        ReorgThreshold = reorgThreshold,
        PollInterval = o.PollInterval,
        InitialBlockRange = o.InitialBlockRange,
        MinBlockRange = o.MinBlockRange,
        MaxBlockRange = o.MaxBlockRange,
        TargetLogsPerRange = o.TargetLogsPerRange,
        PrefetchEvents = o.PrefetchEvents,
        HeadBatchBlocks = o.HeadBatchBlocks,
        MaxAddressesPerGetLogs = o.MaxAddressesPerGetLogs,
        RetryBaseDelay = o.RetryBaseDelay,
        RetryMaxDelay = o.RetryMaxDelay,
        MaxAttempts = o.MaxAttempts,
        FetchTransactions = o.FetchTransactions,
    };
}
