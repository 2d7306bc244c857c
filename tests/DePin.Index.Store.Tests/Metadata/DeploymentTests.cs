using DePin.Index.Store.Tests.Fixtures;

namespace DePin.Index.Store.Tests.Metadata;

[Collection(PostgresCollection.Name)]
public sealed class DeploymentTests(PostgresFixture pg) : IAsyncLifetime
{
    private SubgraphStore _store = null!;

    public async Task InitializeAsync() => _store = await pg.OpenStoreAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private static DeploymentSpec Spec(string? id = null, string? schema = null) =>
        new(id ?? PostgresFixture.NewDeploymentId(), schema ?? File.ReadAllText(TestSchemas.DepinPath), "specVersion: 1.0.0\n", "devnet", 7) { Name = "depin/main" };

    [Fact]
    public async Task Migrations_run_once_however_often_and_concurrently_the_store_is_opened()
    {
        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => pg.OpenStoreAsync()));
        foreach (var s in opened)
        {
            await s.DisposeAsync();
        }

        Assert.Equal(1, await pg.ScalarAsync<int>("select count(*) from subgraphs.migration"));
        Assert.Equal(1, await pg.ScalarAsync<int>("select count(*) from pg_extension where extname = 'btree_gist'"));
    }

    [Fact]
    public async Task Created_deployment_has_its_schema_tables_and_a_fresh_status()
    {
        var spec = Spec();
        var d = await _store.CreateDeploymentAsync(spec);
        var status = await d.GetStatusAsync();
        Assert.Equal(spec.Id, status.Id);
        Assert.Equal("depin/main", status.Name);
        Assert.Matches("^sgd[0-9]+$", status.SchemaName);
        Assert.Equal(d.Layout.SchemaName, status.SchemaName);
        Assert.Equal("devnet", status.Network);
        Assert.Equal(7, status.StartBlock);
        Assert.Null(status.LatestBlock);
        Assert.Equal(0, status.EarliestBlock);
        Assert.False(status.Synced);
        Assert.Equal(DeploymentHealth.Healthy, status.Health);
        Assert.Null(status.FatalError);
        Assert.Equal(0, status.EntityCount);
        Assert.Equal(10, await pg.ScalarAsync<int>(
            $"select count(*) from information_schema.tables where table_schema = '{status.SchemaName}'"));
        Assert.Contains(spec.Id, await _store.ListDeploymentsAsync());

        var reopened = await _store.OpenDeploymentAsync(spec.Id);
        Assert.Equal(d.Layout.SchemaName, reopened.Layout.SchemaName);
        Assert.Equal(d.Layout.Tables.Select(t => t.Name), reopened.Layout.Tables.Select(t => t.Name));
    }

    [Fact]
    public async Task Each_deployment_gets_the_next_schema_number()
    {
        var a = await _store.CreateDeploymentAsync(Spec());
        var b = await _store.CreateDeploymentAsync(Spec());
        Assert.Equal(int.Parse(a.Layout.SchemaName[3..]) + 1, int.Parse(b.Layout.SchemaName[3..]));
    }

    [Fact]
    public async Task Bad_deployments_are_refused_with_the_reason_and_leave_nothing_behind()
    {
        var spec = Spec();
        await _store.CreateDeploymentAsync(spec);
        var before = await pg.ScalarAsync<int>("select count(*) from information_schema.schemata where schema_name like 'sgd%'");
        Assert.Equal($"deployment {spec.Id} already exists", (await Assert.ThrowsAsync<StoreException>(() => _store.CreateDeploymentAsync(spec))).Message);
        Assert.Equal("'QmShort' is not a deployment id (an IPFS CIDv0: Qm followed by 44 base58 characters)",
            (await Assert.ThrowsAsync<StoreException>(() => _store.CreateDeploymentAsync(Spec("QmShort")))).Message);
        var bad = await Assert.ThrowsAsync<StoreException>(() => _store.CreateDeploymentAsync(Spec(schema: "type A @entity(immutable: true) { id: ID! x: Nope! }")));
        Assert.Contains("invalid schema", bad.Message, StringComparison.Ordinal);
        Assert.Contains("type `Nope` is not defined", bad.Message, StringComparison.Ordinal);
        var reserved = await Assert.ThrowsAsync<StoreException>(() => _store.CreateDeploymentAsync(Spec(schema: "type A @entity(immutable: true) { id: ID! vid: Int! }")));
        Assert.Equal("type `A`, field `vid`: its column name `vid` is reserved by the store", reserved.Message);
        Assert.Equal(before, await pg.ScalarAsync<int>("select count(*) from information_schema.schemata where schema_name like 'sgd%'"));
        Assert.Equal($"deployment QmNope does not exist", (await Assert.ThrowsAsync<StoreException>(() => _store.OpenDeploymentAsync("QmNope"))).Message);
    }

    [Fact]
    public async Task Removing_a_deployment_drops_its_schema_and_metadata()
    {
        var spec = Spec();
        var d = await _store.CreateDeploymentAsync(spec);
        Assert.True(await _store.RemoveDeploymentAsync(spec.Id));
        Assert.False(await _store.RemoveDeploymentAsync(spec.Id));
        Assert.Equal(0, await pg.ScalarAsync<int>($"select count(*) from information_schema.schemata where schema_name = '{d.Layout.SchemaName}'"));
        Assert.DoesNotContain(spec.Id, await _store.ListDeploymentsAsync());
        Assert.Equal($"deployment {spec.Id} does not exist (removed?)", (await Assert.ThrowsAsync<StoreException>(() => d.GetStatusAsync())).Message);
    }

    [Fact]
    public async Task Health_failure_and_sync_are_recorded()
    {
        var d = await _store.CreateDeploymentAsync(Spec());
        var hash = DePin.Index.Ethereum.Primitives.Hash32.Of("block 12");
        await d.FailAsync(new FatalError("handler aborted: boom", 12, hash, "handleProof"));
        var failed = await d.GetStatusAsync();
        Assert.Equal(DeploymentHealth.Failed, failed.Health);
        Assert.Equal(new FatalError("handler aborted: boom", 12, hash, "handleProof"), failed.FatalError);
        await d.SetHealthAsync(DeploymentHealth.Healthy);
        Assert.Null((await d.GetStatusAsync()).FatalError);
        await d.SetHealthAsync(DeploymentHealth.Unhealthy);
        Assert.Equal(DeploymentHealth.Unhealthy, (await d.GetStatusAsync()).Health);
        await d.MarkSyncedAsync();
        var synced = await d.GetStatusAsync();
        Assert.True(synced.Synced);
        Assert.NotNull(synced.SyncedAt);
    }
}
