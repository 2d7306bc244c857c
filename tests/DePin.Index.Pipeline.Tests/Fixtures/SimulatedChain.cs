using DePin.Index.Simulator;

namespace DePin.Index.Pipeline.Tests.Fixtures;

/// <summary>
/// A test chain with one simulation of 150 devices over 3 epochs, one block per transaction (a few hundred blocks with
/// triggers), shared by the tests of a class that only read it.
/// </summary>
public sealed class SimulatedChain : IAsyncLifetime
{
    private TestChain? _chain;

    internal TestChain Chain => _chain!;

    public SimulationTotals Totals { get; private set; } = null!;

    public long Head { get; private set; }

    public async Task InitializeAsync()
    {
        _chain = await TestChain.StartAsync();
        Totals = await _chain.SimulateAsync(new SimulationOptions { Devices = 150, Epochs = 3, Seed = 99, BatchSize = 15, PackBlocks = false });
        Head = await _chain.HeadAsync();
    }

    public async Task DisposeAsync()
    {
        if (_chain is not null)
        {
            await _chain.DisposeAsync();
        }
    }
}
