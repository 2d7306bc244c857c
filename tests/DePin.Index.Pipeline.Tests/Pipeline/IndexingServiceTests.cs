using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Pipeline.Tests.Fixtures;

namespace DePin.Index.Pipeline.Tests.Pipeline;

/// <summary>The service's refusals and empty answers (the indexing itself is covered by the other tests).</summary>
[Collection(PipelineCollection.Name)]
public sealed class IndexingServiceTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_deployment_of_an_unknown_network_is_refused_and_unknown_deployments_have_no_status()
    {
        var db = await postgres.CreateDatabaseAsync();
        await using var node = await IndexingService.StartAsync(new IndexingServiceOptions
        {
            ConnectionString = db,
            Networks = NetworkOptions.ParseList("mainnet:http://127.0.0.1:9"),
        });
        var deployment = DepinDeployment.Create(DepinContracts.Names.ToDictionary(n => n, n => (new Address(Enumerable.Repeat((byte)7, 20).ToArray()), 1L)));

        var e = await Assert.ThrowsAsync<ArgumentException>(() => node.StartDeploymentAsync(deployment));
        Assert.Contains("'devnet'", e.Message, StringComparison.Ordinal);
        Assert.Contains("mainnet", e.Message, StringComparison.Ordinal);
        Assert.Empty(node.Deployments);
        Assert.Null(await node.GetStatusAsync(deployment.Id));
        Assert.Null(await node.GetProofOfIndexingAsync(deployment.Id, 1));
        Assert.False(await node.StopDeploymentAsync(deployment.Id));
        Assert.False(await node.RemoveDeploymentAsync(deployment.Id));
        Assert.Null(node.GetChainHead("devnet"));
        Assert.Equal(["mainnet"], node.Networks);
    }
}
