namespace DePin.Index.Indexing.Tests.Fixtures;

/// <summary>The test classes that share one <see cref="SimulatedChain"/> (one anvil, simulated once).</summary>
[CollectionDefinition(Name)]
public sealed class SimulatedChainCollection : ICollectionFixture<SimulatedChain>
{
    public const string Name = "simulated chain";
}
