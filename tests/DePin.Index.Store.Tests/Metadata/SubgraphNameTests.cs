using DePin.Index.Store.Tests.Fixtures;

namespace DePin.Index.Store.Tests.Metadata;

[Collection(PostgresCollection.Name)]
public sealed class SubgraphNameTests(PostgresFixture pg) : IAsyncLifetime
{
    private SubgraphStore _store = null!;

    public async Task InitializeAsync() => _store = await pg.OpenStoreAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private async Task<string> DeployAsync()
    {
        var id = PostgresFixture.NewDeploymentId();
        await _store.CreateDeploymentAsync(new DeploymentSpec(id, File.ReadAllText(TestSchemas.Erc20Path), "", "devnet"));
        return id;
    }

    [Fact]
    public async Task A_name_points_at_its_latest_version()
    {
        var name = "depin/names-" + Guid.NewGuid().ToString("N")[..8];
        Assert.True(await _store.CreateSubgraphNameAsync(name));
        Assert.False(await _store.CreateSubgraphNameAsync(name));
        Assert.Null(await _store.ResolveNameAsync(name));
        var first = await DeployAsync();
        var second = await DeployAsync();
        var v1 = await _store.DeployVersionAsync(name, first);
        Assert.Equal(first, await _store.ResolveNameAsync(name));
        var v2 = await _store.DeployVersionAsync(name, second);
        Assert.True(v2.Id > v1.Id);
        Assert.Equal(second, await _store.ResolveNameAsync(name));
        var versions = await _store.ListVersionsAsync(name);
        Assert.Equal([(first, false), (second, true)], versions.Select(v => (v.DeploymentId, v.IsCurrent)));

        await _store.RemoveDeploymentAsync(second);
        Assert.Null(await _store.ResolveNameAsync(name));
        Assert.True(await _store.RemoveSubgraphNameAsync(name));
        Assert.False(await _store.RemoveSubgraphNameAsync(name));
        Assert.Null(await _store.ResolveNameAsync(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/lead")]
    [InlineData("trail/")]
    [InlineData("a//b")]
    [InlineData("-dash")]
    [InlineData("sp ace")]
    public async Task Malformed_names_are_refused(string name)
    {
        var e = await Assert.ThrowsAsync<StoreException>(() => _store.CreateSubgraphNameAsync(name));
        Assert.StartsWith($"'{name}' is not a subgraph name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploying_to_an_unknown_name_or_deployment_fails()
    {
        var id = await DeployAsync();
        Assert.Equal("subgraph name 'no/such' does not exist; create it first",
            (await Assert.ThrowsAsync<StoreException>(() => _store.DeployVersionAsync("no/such", id))).Message);
        var name = "depin/x-" + Guid.NewGuid().ToString("N")[..8];
        await _store.CreateSubgraphNameAsync(name);
        var missing = PostgresFixture.NewDeploymentId();
        Assert.Equal($"deployment {missing} does not exist",
            (await Assert.ThrowsAsync<StoreException>(() => _store.DeployVersionAsync(name, missing))).Message);
    }
}
