using DePin.Index.Indexing.Tests.Fixtures;
using Xunit.Abstractions;

namespace DePin.Index.Indexing.Tests;

/// <summary>
/// The benchmark entry on a large simulation; prints the figures (run in Release to measure:
/// <c>dotnet test tests/DePin.Index.Indexing.Tests -c Release --filter "FullyQualifiedName~Benchmark" --logger "console;verbosity=detailed"</c>).
/// Throughput is printed, not asserted: the machine is shared.
/// </summary>
public sealed class IndexingBenchmarkTests(LargeSimulatedChain chain, ITestOutputHelper output) : IClassFixture<LargeSimulatedChain>
{
    private static readonly string[] HandledEvents =
        ["DeviceRegistered", "DeviceTransferred", "DeviceDeactivated", "ProofSubmitted", "EpochAdvanced", "RewardPaid", "EnergyTraded", "Transfer"];

    [Fact]
    public void Benchmark_entry_runs_the_depin_subgraph_over_more_than_100k_events()
    {
        var expected = HandledEvents.Sum(e => chain.Totals.Events.GetValueOrDefault(e));
        Assert.True(expected >= 100_000, $"the simulation should give at least 100,000 events, it gave {expected}");
        output.WriteLine($"simulation: {chain.Totals.Devices:N0} devices, {chain.Totals.EventsTotal:N0} logs in {chain.SimulationTime.TotalSeconds:F1} s; " +
            $"fetched {chain.Blocks.Count:N0} blocks with {chain.Blocks.Sum(b => b.Triggers.Count):N0} triggers in {chain.FetchTime.TotalSeconds:F1} s");

        var result = IndexingBenchmarks.EventsPerSecondInMemory(chain.Definition, chain.Blocks);

        output.WriteLine(result.ToString());
        Assert.Equal(expected, result.Events);
        Assert.True(result.Modifications > result.Events / 2, "every event changes entities");
    }
}
