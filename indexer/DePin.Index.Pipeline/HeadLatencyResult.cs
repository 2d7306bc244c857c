using System.Globalization;

namespace DePin.Index.Pipeline;

/// <summary>What <see cref="PipelineBenchmarks.HeadLatencyAsync"/> measured: per block, from mined to committed.</summary>
public sealed record HeadLatencyResult(IReadOnlyList<TimeSpan> Samples)
{
    public TimeSpan P50 => Percentile(0.5);

    public TimeSpan P90 => Percentile(0.9);

    public TimeSpan Max => Samples.Count == 0 ? TimeSpan.Zero : Samples.Max();

    public TimeSpan Percentile(double p)
    {
        if (Samples.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var sorted = Samples.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Samples.Count} blocks: p50 {P50.TotalMilliseconds:0} ms, p90 {P90.TotalMilliseconds:0} ms, max {Max.TotalMilliseconds:0} ms (mined → committed)");
}
