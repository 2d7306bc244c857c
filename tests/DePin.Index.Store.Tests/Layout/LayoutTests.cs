using DePin.Index.Store.Layout;
using DePin.Index.Subgraph.Schema;

namespace DePin.Index.Store.Tests.Layout;

public sealed class LayoutTests
{
    [Fact]
    public void Depin_tables_columns_and_types()
    {
        var layout = RelationalLayout.Create(TestSchemas.Depin(), "sgd9");
        Assert.Equal(
            ["device", "owner", "proof", "reward", "device_transfer", "energy_trade", "epoch", "epoch_kind_stats", "kind_stats", "network_stats"],
            layout.Tables.Select(t => t.Name));
        var device = layout.GetTable("Device");
        Assert.False(device.Immutable);
        Assert.Equal("\"sgd9\".\"device\"", device.QualifiedName);
        Assert.Null(device.ColumnForField("proofs")); // derived: no column
        var owner = device.ColumnForField("owner")!;
        Assert.True(owner.IsReference);
        Assert.Equal(ColumnType.Bytes, owner.Type); // Owner ids are Bytes
        Assert.Equal("\"sgd9\".\"device_kind\"", device.ColumnForField("kind")!.SqlType);
        Assert.Equal("metadata_uri", device.ColumnForField("metadataURI")!.Name);
        Assert.True(device.ColumnForField("deactivatedAt")!.IsNullable);
        Assert.False(device.Id.IsNullable);
        Assert.True(layout.GetTable("Proof").Immutable);
        Assert.Equal("the schema has no entity type `Nope`", Assert.Throws<StoreException>(() => layout.GetTable("Nope")).Message);
    }

    [Theory]
    [InlineData("type A @entity(immutable: true) { id: ID! vid: Int! }", "type `A`, field `vid`: its column name `vid` is reserved by the store")]
    [InlineData("type A @entity(immutable: true) { id: ID! blockRange: Int! }", "type `A`, field `blockRange`: its column name `block_range` is reserved by the store")]
    [InlineData("type A @entity(immutable: true) { id: ID! fooBar: Int! foo_bar: Int! }", "type `A`: fields `fooBar` and `foo_bar` would both be stored in column `foo_bar`")]
    [InlineData("type Ab @entity(immutable: true) { id: ID! } type ab @entity(immutable: true) { id: ID! }", "entity types `Ab` and `ab` would both be stored in table `ab`")]
    public void Schemas_the_store_cannot_hold_are_refused(string sdl, string message) =>
        Assert.Equal(message, Assert.Throws<StoreException>(() => RelationalLayout.Create(SubgraphSchema.Parse(sdl), "sgd1")).Message);
}
