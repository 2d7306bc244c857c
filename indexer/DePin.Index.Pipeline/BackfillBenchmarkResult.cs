namespace DePin.Index.Pipeline;

/// <summary>What <see cref="PipelineBenchmarks.BackfillEventsPerSecondAsync"/> measured.</summary>
/// <param name="Blocks">Blocks processed (blocks with triggers, plus range ends).</param>
/// <param name="Events">Events handled: handler invocations of the subgraph (one per matched log).</param>
/// <param name="Modifications">Entity changes committed.</param>
/// <param name="Batches">Store transactions.</param>
/// <param name="Elapsed">Wall-clock time from the runner's start (load, compile) to the last commit.</param>
/// <param name="CpuTime">CPU time of this process meanwhile (all threads; PostgreSQL and the chain node not included).</param>
/// <param name="Times">The runner's per-stage times.</param>
public sealed record BackfillBenchmarkResult(long Blocks, long Events, long Modifications, long Batches, TimeSpan Elapsed, TimeSpan CpuTime, StageTimes Times)
{
    /// <summary>Events handled per second of wall-clock time, end to end.</summary>
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"{Events:N0} events in {Blocks:N0} blocks, {Modifications:N0} entity changes in {Batches:N0} transactions, " +
        $"{Elapsed.TotalSeconds:0.00} s wall ({CpuTime.TotalSeconds:0.00} s CPU of the indexer): {EventsPerSecond:N0} events/s; {Times}";
}
