namespace DePin.Index.Indexing;

/// <summary>
/// The outcome of <see cref="IndexingBenchmarks.EventsPerSecondInMemory"/>: events (handlers run) and blocks of the
/// timed pass, its wall-clock and process CPU time, where the time went, and managed allocation and collections.
/// </summary>
public sealed record IndexingBenchmarkResult(
    long Events,
    int Blocks,
    long Modifications,
    TimeSpan Elapsed,
    TimeSpan CpuTime,
    TimeSpan Marshal,
    TimeSpan Handlers,
    TimeSpan EndBlock,
    TimeSpan Apply,
    long AllocatedBytes,
    int Gen0Collections,
    int Gen2Collections)
{
    /// <summary>Bytes allocated per event by trigger marshalling, handlers (host and cache included) and the end of blocks.</summary>
    public (long Marshal, long Handlers, long EndBlock) AllocatedPerEvent { get; init; }

    /// <summary>Events per wall-clock second.</summary>
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    /// <summary>Events per second of process CPU time (the steadier figure on a shared machine).</summary>
    public double EventsPerCpuSecond => Events / Math.Max(CpuTime.TotalSeconds, 1e-9);

    public override string ToString() =>
        FormattableString.Invariant(
            $"{Events:N0} events in {Blocks:N0} blocks: {EventsPerSecond:N0} events/s wall ({Elapsed.TotalSeconds:F2} s), {EventsPerCpuSecond:N0}/s of CPU time; ") +
        FormattableString.Invariant(
            $"marshal {Marshal.TotalMilliseconds:N0} ms, handlers {Handlers.TotalMilliseconds:N0} ms, end of block {EndBlock.TotalMilliseconds:N0} ms, apply {Apply.TotalMilliseconds:N0} ms; ") +
        FormattableString.Invariant(
            $"{Modifications:N0} entity changes, {AllocatedBytes / Math.Max(1, Events):N0} B allocated per event ") +
        FormattableString.Invariant(
            $"(marshal {AllocatedPerEvent.Marshal:N0}, handlers {AllocatedPerEvent.Handlers:N0}, end of block {AllocatedPerEvent.EndBlock:N0}), {Gen0Collections} gen0 / {Gen2Collections} gen2 GCs");
}
