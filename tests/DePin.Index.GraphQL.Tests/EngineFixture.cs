using DePin.Index.Store;
using DePin.Index.TestSupport;

namespace DePin.Index.GraphQL.Tests;

/// <summary>A database with the zoo deployment (three blocks of data) and an engine over it.</summary>
public sealed class EngineFixture : IAsyncLifetime
{
    private readonly PostgresFixture _postgres = new();

    /// <summary>Fixed, so answers with <c>_meta.deployment</c> are stable goldens (each run has a database of its own).</summary>
    public string ZooId { get; } = "QmZooZooZooZooZooZooZooZooZooZooZooZooZooZooZo";

    public string ConnectionString { get; private set; } = "";

    public SubgraphStore Store { get; private set; } = null!;

    public GraphQLEngine Engine { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync("graphql");
        Store = await SubgraphStore.OpenAsync(ConnectionString);
        var zoo = await Store.CreateDeploymentAsync(new DeploymentSpec(ZooId, ZooData.Schema, "specVersion: 1.0.0", "devnet"));
        await ZooData.WriteAsync(zoo);
        Engine = GraphQLEngine.Create(Store, ConnectionString, new GraphQLOptions { HeadRefreshMilliseconds = 0 });
    }

    public async Task<string> QueryAsync(string query, string? variablesJson = null, string? deployment = null)
    {
        var vars = variablesJson is null ? (System.Text.Json.JsonElement?)null : System.Text.Json.JsonDocument.Parse(variablesJson).RootElement;
        var result = await Engine.ExecuteAsync(deployment ?? ZooId, new GraphQLQuery(query, vars));
        return result.Json;
    }

    public async Task DisposeAsync()
    {
        await Engine.DisposeAsync();
        await Store.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}
