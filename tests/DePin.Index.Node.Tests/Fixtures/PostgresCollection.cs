namespace DePin.Index.Node.Tests.Fixtures;

/// <summary>The test classes that need PostgreSQL share one server (each with its own database) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
