namespace DePin.Index.Ethereum.Tests.Rpc;

/// <summary>Tests that measure process-wide figures (allocated bytes) run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasurementCollection
{
    public const string Name = "Rpc measurements (not parallel)";
}
