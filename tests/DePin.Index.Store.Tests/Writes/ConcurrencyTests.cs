using DePin.Index.Store.Tests.Fixtures;
using static DePin.Index.Store.EntityModification;

namespace DePin.Index.Store.Tests.Writes;

[Collection(PostgresCollection.Name)]
public sealed class ConcurrencyTests(PostgresFixture pg) : StoreTestBase(pg)
{
    [Fact]
    public async Task Two_writers_of_the_same_blocks_cannot_both_commit()
    {
        var d = await NewDeploymentAsync();
        var other = await Store.OpenDeploymentAsync(d.DeploymentId); // as a second node would
        var mods = Enumerable.Range(1, 2_000).Select(i => Insert("Owner", Depin.Owner(i), Depin.Owner(Depin.Owner(i), 1, i), 1)).ToArray();
        var results = await Task.WhenAll(
            Capture(d.WriteAsync(Batch(1, mods))),
            Capture(other.WriteAsync(Batch(1, mods))));
        Assert.Single(results, r => r is null);
        Assert.Contains("blocks must be above the head", Assert.Single(results, r => r is not null)!.Message, StringComparison.Ordinal);
        Assert.Equal(2_000, (await d.GetStatusAsync()).EntityCount);
        Assert.Equal(2_000, await CountLiveAsync(d));
    }

    private static async Task<StoreException?> Capture(Task<WriteResult> write)
    {
        try
        {
            await write;
            return null;
        }
        catch (StoreException e)
        {
            return e;
        }
    }
}
