namespace DePin.Index.Runtime;

/// <summary>
/// The outcome of <see cref="RuntimeBenchmarks.HandlerInvocationsPerSecond"/>: wall-clock time
/// and the process's CPU time over the timed calls (on a shared machine the CPU-time rate is
/// the steadier figure), fuel and managed allocation per call, and garbage collections.
/// </summary>
public sealed record RuntimeBenchmarkResult(
    int Invocations,
    TimeSpan Elapsed,
    TimeSpan CpuTime,
    ulong FuelPerInvocation,
    long AllocatedBytesPerInvocation,
    int GarbageCollections)
{
    /// <summary>Handler invocations per wall-clock second.</summary>
    public double PerSecond => Invocations / Elapsed.TotalSeconds;

    /// <summary>Handler invocations per second of process CPU time.</summary>
    public double PerCpuSecond => Invocations / Math.Max(CpuTime.TotalSeconds, 1e-9);

    /// <summary>Mean wall-clock time per invocation in microseconds.</summary>
    public double MicrosecondsPerInvocation => Elapsed.TotalMicroseconds / Invocations;

    public override string ToString() =>
        FormattableString.Invariant(
            $"{PerSecond:N0} invocations/s wall ({MicrosecondsPerInvocation:F2} µs each), {PerCpuSecond:N0}/s of CPU time, ") +
        FormattableString.Invariant(
            $"{FuelPerInvocation:N0} fuel and {AllocatedBytesPerInvocation:N0} B allocated per call, {GarbageCollections} GCs");
}
