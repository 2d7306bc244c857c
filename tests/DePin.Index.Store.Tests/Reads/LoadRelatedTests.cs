using DePin.Index.Store.Tests.Fixtures;
using static DePin.Index.Store.EntityModification;

namespace DePin.Index.Store.Tests.Reads;

[Collection(PostgresCollection.Name)]
public sealed class LoadRelatedTests(PostgresFixture pg) : StoreTestBase(pg)
{
    private static readonly string O1 = Depin.Owner(1);
    private static readonly string O2 = Depin.Owner(2);

    [Fact]
    public async Task Derived_fields_load_the_referencing_entities_at_any_block()
    {
        var d = await NewDeploymentAsync();
        string p1 = Depin.TxHash(1, 1), p2 = Depin.TxHash(2, 1), p3 = Depin.TxHash(3, 1);
        await d.WriteAsync(Batch(3,
            Insert("Device", "1", Depin.Device("1", O1, 0, 0), 1),
            Insert("Device", "2", Depin.Device("2", O1, 0, 0), 1),
            Insert("Proof", p1, Depin.Proof(p1, "1", O1, "1", 1, 1), 1),
            Insert("Proof", p2, Depin.Proof(p2, "1", O1, "1", 2, 2), 2),
            Insert("Proof", p3, Depin.Proof(p3, "2", O1, "1", 3, 3), 3),
            Overwrite("Device", "2", Depin.Device("2", O2, 0, 0), 3))); // device 2 moves to owner 2

        Assert.Equal([p1, p2], Ids(await d.LoadRelatedAsync("Device", "1", "proofs")));
        Assert.Equal([p1], Ids(await d.LoadRelatedAsync("Device", "1", "proofs", block: 1)));
        Assert.Empty(await d.LoadRelatedAsync("Device", "1", "proofs", block: 0));
        Assert.Equal(["1", "2"], Ids(await d.LoadRelatedAsync("Owner", O1, "devices", block: 2)));
        Assert.Equal(["1"], Ids(await d.LoadRelatedAsync("Owner", O1, "devices")));
        Assert.Equal(["2"], Ids(await d.LoadRelatedAsync("Owner", O2.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal), "devices")));
        Assert.Equal(Depin.Device("2", O2, 0, 0), (await d.LoadRelatedAsync("Owner", O2, "devices")).Single());
        Assert.Equal("`owner` is not a @derivedFrom field of Device",
            (await Assert.ThrowsAsync<StoreException>(() => d.LoadRelatedAsync("Device", "1", "owner"))).Message);
    }

    [Fact]
    public async Task Derived_from_a_list_field_and_through_an_interface()
    {
        var d = await NewDeploymentAsync(TestSchemas.Features);
        static Subgraph.Values.Entity Book(string id, params Subgraph.Values.Value[] coAuthors) => V.Entity(
            ("id", V.S(id)), ("title", V.S(id)), ("genre", V.S("Crime")), ("genres", V.List()), ("inPrint", V.Bool(true)),
            ("coAuthors", V.List(coAuthors)), ("author", V.B("0xa1")));
        await d.WriteAsync(Batch(1,
            Insert("Author", "0xa1", V.Entity(("id", V.B("0xa1")), ("name", V.S("A"))), 1),
            Insert("Book", "b1", Book("b1", V.B("0xa2")), 1),
            Insert("Book", "b2", Book("b2", V.B("0xa2"), V.B("0xa3")), 1),
            Insert("Book", "b3", Book("b3"), 1)));
        Assert.Equal(["b1", "b2"], Ids(await d.LoadRelatedAsync("Author", "0xa2", "coWritten")));
        Assert.Equal(["b2"], Ids(await d.LoadRelatedAsync("Author", "0xa3", "coWritten")));
        Assert.Equal(["b1", "b2", "b3"], Ids(await d.LoadRelatedAsync("Author", "0xa1", "books")));
        Assert.Equal(["b1", "b2", "b3"], Ids(await d.LoadRelatedAsync("Author", "0xa1", "items"))); // Item is an interface
    }

    private static string[] Ids(IEnumerable<Subgraph.Values.Entity> entities) =>
        entities.Select(e => e["id"].Kind == Subgraph.Values.ValueKind.Bytes ? e["id"].ToString() : e["id"].AsString()).ToArray();
}
