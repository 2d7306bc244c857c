namespace DePin.Index.Chain.Tests.Benchmarks;

/// <summary>A benchmark: runs only with DEPIN_BENCH=1 (it takes minutes and measures, so it stays out of the normal run).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BenchFactAttribute : FactAttribute
{
    public BenchFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("DEPIN_BENCH") != "1") Skip = "benchmark: set DEPIN_BENCH=1 to run";
    }
}
