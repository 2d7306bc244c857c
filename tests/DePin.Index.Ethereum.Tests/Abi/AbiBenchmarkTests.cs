using DePin.Index.Ethereum.Abi;
using Xunit.Abstractions;

namespace DePin.Index.Ethereum.Tests.Abi;

/// <summary>Runs the benchmark entry point briefly and prints its figure; timings are not asserted.</summary>
public class AbiBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    public void Benchmark_runs_and_reports_a_rate()
    {
        var rate = AbiBenchmarks.DecodeLogsPerSecond(20_000);

        output.WriteLine($"DecodeLogsPerSecond(20000) = {rate:N0} logs/s (Debug build, not representative)");
        Assert.True(rate > 0 && double.IsFinite(rate));
        Assert.Throws<ArgumentOutOfRangeException>(() => AbiBenchmarks.DecodeLogsPerSecond(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AbiBenchmarks.DecodeLogsPerSecond(10, 1.5));
    }
}
