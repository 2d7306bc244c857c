using DePin.Index.Simulator;

namespace DePin.Index.Indexing.Tests.Fixtures;

/// <summary>
/// The DePIN contracts on anvil after two simulations with different seeds, one after the other: 300 devices
/// over 3 epochs (seed 7), then 120 more devices over 2 epochs (seed 1234).
/// </summary>
public sealed class SimulatedChain : AnvilChain
{
    public SimulationTotals First { get; private set; } = null!;

    public SimulationTotals Second { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        First = await SimulateAsync(new SimulationOptions { Devices = 300, Epochs = 3, Seed = 7, BatchSize = 20 });
        Second = await SimulateAsync(new SimulationOptions { Devices = 120, Epochs = 2, Seed = 1234, BatchSize = 20 });
    }
}
