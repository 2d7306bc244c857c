namespace DePin.Index.Chain;

/// <summary>What one timed backfill of <see cref="BlockStreamBenchmarks"/> did.</summary>
/// <param name="Triggers">Triggers handed to the consumer.</param>
/// <param name="LogsFetched">Logs eth_getLogs returned (matched or not).</param>
/// <param name="Blocks">Blocks handed to the consumer (those with triggers and each range's last block).</param>
/// <param name="Events">ProcessBlocks events (batches).</param>
/// <param name="Ranges">eth_getLogs ranges scanned.</param>
/// <param name="FinalRangeSize">The adaptive range size at the end, in blocks.</param>
/// <param name="Elapsed">Wall time from the first request to the last event consumed.</param>
public sealed record BlockStreamBenchmarkResult(long Triggers, long LogsFetched, long Blocks, long Events, long Ranges, int FinalRangeSize, TimeSpan Elapsed)
{
    /// <summary>Triggers per second, end to end.</summary>
    public double TriggersPerSecond => Triggers / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"{TriggersPerSecond:N0} triggers/s ({Triggers:N0} triggers, {Blocks:N0} blocks in {Events:N0} batches, {Ranges:N0} ranges, final range {FinalRangeSize} blocks, {Elapsed.TotalSeconds:F2} s)";
}
