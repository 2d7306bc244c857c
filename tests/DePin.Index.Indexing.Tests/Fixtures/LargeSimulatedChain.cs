using DePin.Index.Chain;
using DePin.Index.Simulator;
using DePin.Index.Subgraph;

namespace DePin.Index.Indexing.Tests.Fixtures;

/// <summary>
/// A large simulation for the benchmark: 10,500 devices over 3 epochs (seed 2024), more than 100,000 events for
/// the DePIN subgraph, and its blocks with triggers fetched once.
/// </summary>
public sealed class LargeSimulatedChain : AnvilChain
{
    public SimulationTotals Totals { get; private set; } = null!;

    public SubgraphDefinition Definition { get; private set; } = null!;

    public IReadOnlyList<BlockWithTriggers> Blocks { get; private set; } = [];

    public TimeSpan SimulationTime { get; private set; }

    public TimeSpan FetchTime { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Totals = await SimulateAsync(new SimulationOptions { Devices = 10_500, Epochs = 3, Seed = 2024, BatchSize = 20 });
        SimulationTime = clock.Elapsed;
        Definition = BuiltManifest.Load(SubgraphBuild.DepinManifest, DepinDataSources());
        var start = Definition.Manifest.DataSources.Min(d => d.Source.StartBlock);
        clock.Restart();
        Blocks = await new ChainLoader(Rpc).LoadAsync(DataSourceInstance.FromManifest(Definition.Manifest), start, Totals.LastBlock);
        FetchTime = clock.Elapsed;
    }
}
