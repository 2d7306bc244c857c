namespace DePin.Index.Store.Tests.Fixtures;

/// <summary>The test classes that need PostgreSQL share one server (and one database) through this collection.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
