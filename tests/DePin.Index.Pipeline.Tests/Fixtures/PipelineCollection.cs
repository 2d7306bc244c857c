namespace DePin.Index.Pipeline.Tests.Fixtures;

/// <summary>
/// The tests that run indexers share one PostgreSQL server and run one after the other: each keeps both cores busy
/// (anvil, PostgreSQL and the mapping), so running them side by side would only slow every one down.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "pipeline";
}
