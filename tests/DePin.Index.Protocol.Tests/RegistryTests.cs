using DePin.Index.Ethereum.Primitives;
using DePin.Index.Protocol.Tests.Support;

namespace DePin.Index.Protocol.Tests;

public sealed class RegistryTests(ProtocolChainFixture chain) : ProtocolTestBase(chain), IClassFixture<ProtocolChainFixture>
{
    private static readonly DeploymentId Id = DeploymentId.Parse("QmTXzATwNfgGVukV1fX2T6xw9f6LAYRVWpsdXyRWzUR2H9");

    [Fact]
    public async Task Publish_records_the_publisher_block_and_metadata()
    {
        var r = await P.Registry.PublishAsync(Curator1, Id, "{\"name\":\"depin\"}");
        var e = r.Event("DeploymentPublished");
        Assert.Equal(Id.ToArray(), e.Get<byte[]>("deploymentId"));
        Assert.Equal(Curator1.Address, e.Get<Address>("publisher"));
        Assert.Equal("{\"name\":\"depin\"}", e.Get<string>("metadata"));
        var d = await P.GetDeploymentAsync(Id);
        Assert.NotNull(d);
        Assert.Equal(Curator1.Address, d.Publisher);
        Assert.Equal(r.BlockNumber, d.PublishedAtBlock);
        Assert.False(d.Deprecated);
        Assert.Equal(1, await P.Registry.DeploymentCountAsync());
        Assert.Null(await P.GetDeploymentAsync(new DeploymentId(Hash32.Of("unknown"))));
    }

    [Fact]
    public async Task Deprecate_by_the_publisher()
    {
        await P.Registry.PublishAsync(Curator1, Id, "");
        var r = await P.Registry.DeprecateAsync(Curator1, Id);
        Assert.Equal(Curator1.Address, r.Event("DeploymentDeprecated").Get<Address>("publisher"));
        Assert.True((await P.GetDeploymentAsync(Id))!.Deprecated);
    }

    [Fact]
    public async Task Reverts_are_decoded()
    {
        await RevertsAsync(ProtocolErrors.ZeroDeploymentId, () => P.Registry.PublishAsync(Curator1, new DeploymentId(Hash32.Zero), ""));
        var tooLong = await RevertsAsync(ProtocolErrors.MetadataTooLong, () => P.Registry.PublishAsync(Curator1, Id, new string('x', 1025)));
        Assert.Equal("metadata too long: 1025 bytes, at most 1024", tooLong.Message);
        var missing = await RevertsAsync(ProtocolErrors.DeploymentNotFound, () => P.Registry.DeprecateAsync(Curator1, Id));
        Assert.Equal($"deployment {Id.ToCid()} is not published", missing.Message);
        await P.Registry.PublishAsync(Curator1, Id, new string('x', 1024));
        await RevertsAsync(ProtocolErrors.AlreadyPublished, () => P.Registry.PublishAsync(Curator2, Id, ""));
        var notPublisher = await RevertsAsync(ProtocolErrors.NotPublisher, () => P.Registry.DeprecateAsync(Curator2, Id));
        Assert.Equal(Curator1.Address, (Address)notPublisher["publisher"]);
        await P.Registry.DeprecateAsync(Curator1, Id);
        await RevertsAsync(ProtocolErrors.DeploymentIsDeprecated, () => P.Registry.DeprecateAsync(Curator1, Id));
    }
}
