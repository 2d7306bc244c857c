using System.Diagnostics;

namespace DePin.Index.Indexing;

/// <summary>
/// Where a <see cref="SubgraphInstance"/> spends its time, in <see cref="Stopwatch"/> ticks, summed over the blocks
/// it processed (failed blocks included): turning triggers into mapping inputs, running handlers (WebAssembly and the
/// host functions it calls, entity cache reads and writes included) and collecting each block's changes; and the
/// managed bytes each stage allocated on the indexing thread.
/// </summary>
public sealed class ProcessingTimings
{
    public long MarshalTicks { get; internal set; }

    public long HandlerTicks { get; internal set; }

    public long EndBlockTicks { get; internal set; }

    public long MarshalBytes { get; internal set; }

    public long HandlerBytes { get; internal set; }

    public long EndBlockBytes { get; internal set; }

    public TimeSpan Marshal => Stopwatch.GetElapsedTime(0, MarshalTicks);

    public TimeSpan Handlers => Stopwatch.GetElapsedTime(0, HandlerTicks);

    public TimeSpan EndBlock => Stopwatch.GetElapsedTime(0, EndBlockTicks);

    public void Reset()
    {
        MarshalTicks = 0;
        HandlerTicks = 0;
        EndBlockTicks = 0;
        MarshalBytes = 0;
        HandlerBytes = 0;
        EndBlockBytes = 0;
    }

    public override string ToString() =>
        FormattableString.Invariant(
            $"marshal {Marshal.TotalMilliseconds:N0} ms / {MarshalBytes:N0} B, handlers {Handlers.TotalMilliseconds:N0} ms / {HandlerBytes:N0} B, end of block {EndBlock.TotalMilliseconds:N0} ms / {EndBlockBytes:N0} B");
}
