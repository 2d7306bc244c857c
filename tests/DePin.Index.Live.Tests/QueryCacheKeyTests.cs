using System.Text.Json;

namespace DePin.Index.Live.Tests;

public sealed class QueryCacheKeyTests
{
    private static readonly DeploymentHead Head = new(10, "0xaa");

    private static string Key(string query, string? variables = null, DeploymentHead? head = null, string? op = null, string deployment = "QmA") =>
        QueryCacheKey.Compute("p:", deployment, head ?? Head, NormalizedQuery.Parse(query, op), op,
            variables is null ? null : JsonDocument.Parse(variables).RootElement);

    [Fact]
    public void Formatting_and_variable_order_do_not_matter()
    {
        Assert.Equal(Key("query($a: Int, $b: String) { devices(first: $a, where: {kind: $b}) { id } }", """{"a": 1, "b": "x"}"""),
            Key("""
                query ($a: Int $b: String) {
                  devices(first: $a where: {kind: $b}) { id } # c
                }
                """, """{ "b":"x","a":1 }"""));
    }

    [Fact]
    public void Nested_variable_objects_are_canonical()
    {
        Assert.Equal(Key("query($w: Device_filter) { devices(where: $w) { id } }", """{"w": {"b": [1, {"y": 2, "x": 1}], "a": null}}"""),
            Key("query($w: Device_filter) { devices(where: $w) { id } }", """{"w": {"a": null, "b": [1, {"x": 1, "y": 2}]}}"""));
    }

    [Fact]
    public void Every_part_of_the_key_counts()
    {
        var keys = new[]
        {
            Key("{ devices { id } }"),
            Key("{ devices { id owner } }"),
            Key("query($a: Int) { devices(first: $a) { id } }", """{"a": 1}"""),
            Key("query($a: Int) { devices(first: $a) { id } }", """{"a": 2}"""),
            Key("{ devices { id } }", head: new DeploymentHead(11, "0xaa")),
            Key("{ devices { id } }", head: new DeploymentHead(10, "0xbb")),
            Key("{ devices { id } }", deployment: "QmB"),
            Key("query A { devices { id } } query B { devices { id } }", op: "A"),
            Key("query A { devices { id } } query B { devices { id } }", op: "B"),
        };
        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_key_names_deployment_and_block()
    {
        Assert.StartsWith("p:q:QmA:10:", Key("{ devices { id } }"), StringComparison.Ordinal);
    }
}
