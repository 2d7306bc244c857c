using DePin.Index.Store.Tests.Fixtures;
using static DePin.Index.Store.EntityModification;

namespace DePin.Index.Store.Tests.Reads;

[Collection(PostgresCollection.Name)]
public sealed class GetManyTests(PostgresFixture pg) : StoreTestBase(pg)
{
    [Fact]
    public async Task Entities_of_several_types_load_in_one_call_at_latest_or_at_a_block()
    {
        var d = await NewDeploymentAsync();
        var o1 = Depin.Owner(1);
        var p = Depin.TxHash(2, 0);
        await d.WriteAsync(Batch(2,
            Insert("Owner", o1, Depin.Owner(o1, 1, 1), 1),
            Insert("Device", "1", Depin.Device("1", o1, 0, 0), 1),
            Overwrite("Device", "1", Depin.Device("1", o1, 1, 4), 2),
            Insert("Proof", p, Depin.Proof(p, "1", o1, "1", 4, 2), 2)));
        EntityKey[] keys = [new("Owner", o1.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)), new("Device", "1"), new("Device", "2"), new("Proof", p)];

        var latest = await d.GetManyAsync(keys);
        Assert.Equal(3, latest.Count);
        Assert.Equal(Depin.Owner(o1, 1, 1), latest[new EntityKey("Owner", o1)]);
        Assert.Equal(Depin.Device("1", o1, 1, 4), latest[new EntityKey("Device", "1")]);
        Assert.Equal(Depin.Proof(p, "1", o1, "1", 4, 2), latest[new EntityKey("Proof", p)]);

        var atOne = await d.GetManyAsync(keys, block: 1);
        Assert.Equal(2, atOne.Count);
        Assert.Equal(Depin.Device("1", o1, 0, 0), atOne[new EntityKey("Device", "1")]);
        Assert.Empty(await d.GetManyAsync([]));
        Assert.Equal("the schema has no entity type `Gadget`",
            (await Assert.ThrowsAsync<StoreException>(() => d.GetManyAsync([new EntityKey("Gadget", "1")]))).Message);
    }
}
