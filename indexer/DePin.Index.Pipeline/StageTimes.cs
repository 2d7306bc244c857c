namespace DePin.Index.Pipeline;

/// <summary>Where a runner's time went, summed since it was constructed (wall-clock time of each stage's own task).</summary>
/// <param name="Mapping">Running blocks through the subgraph (WebAssembly handlers, entity cache, cache misses read from the store) and chaining POIs.</param>
/// <param name="WaitingForStream">The mapper waiting for the block stream (fetching was slower than mapping).</param>
/// <param name="WaitingForWriter">The mapper waiting for the writer (its queue was full, or a commit was awaited).</param>
/// <param name="Writing">The writer's store transactions (on its own task, overlapping the mapping).</param>
public sealed record StageTimes(TimeSpan Mapping, TimeSpan WaitingForStream, TimeSpan WaitingForWriter, TimeSpan Writing)
{
    public override string ToString() =>
        $"mapping {Mapping.TotalSeconds:0.00} s, waiting for the stream {WaitingForStream.TotalSeconds:0.00} s, " +
        $"waiting for the writer {WaitingForWriter.TotalSeconds:0.00} s, writing {Writing.TotalSeconds:0.00} s (overlapped)";
}
