using DePin.Index.TestSupport;

namespace DePin.Index.NetworkSubgraph.Tests.Fixtures;

/// <summary>
/// The tests that run an indexer share one PostgreSQL server and run one after the other: each keeps both cores busy
/// (anvil, PostgreSQL, the mappings), so side by side they would only slow each other down.
/// </summary>
[CollectionDefinition(Name)]
public sealed class NetworkCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "network";
}
