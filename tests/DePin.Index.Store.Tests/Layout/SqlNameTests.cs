using DePin.Index.Store.Layout;

namespace DePin.Index.Store.Tests.Layout;

public sealed class SqlNameTests
{
    [Theory]
    [InlineData("id", "id")]
    [InlineData("Device", "device")]
    [InlineData("DeviceTransfer", "device_transfer")]
    [InlineData("EpochKindStats", "epoch_kind_stats")]
    [InlineData("metadataURI", "metadata_uri")]
    [InlineData("latitudeE6", "latitude_e6")]
    [InlineData("pricePerKWh", "price_per_k_wh")]
    [InlineData("energySoldWh", "energy_sold_wh")]
    [InlineData("most_common", "most_common")]
    [InlineData("most_Common", "most_common")]
    [InlineData("_private", "private")]
    [InlineData("ABCThing", "abc_thing")]
    [InlineData("HTML", "html")]
    [InlineData("value2", "value2")]
    [InlineData("updatedAtBlock", "updated_at_block")]
    public void Snake_case_follows_graph_node(string name, string expected) => Assert.Equal(expected, SqlName.SnakeCase(name));

    [Theory]
    [InlineData("", "can not use an empty name for a attribute")]
    [InlineData("1abc", "the name `1abc` can not be used for a attribute; it must start with an ASCII alphabetic character or `_`")]
    [InlineData("ab-c", "the name `ab-c` can not be used for a attribute; it can only contain alphanumeric characters and `_`")]
    public void Invalid_identifiers_are_refused(string name, string message) =>
        Assert.Equal(message, Assert.Throws<StoreException>(() => SqlName.CheckIdentifier(name, "attribute")).Message);

    [Fact]
    public void Quote_doubles_embedded_quotes() => Assert.Equal("\"a\"\"b\"", SqlName.Quote("a\"b"));
}
