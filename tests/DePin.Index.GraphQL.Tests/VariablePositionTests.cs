using System.Text.Json.Nodes;

namespace DePin.Index.GraphQL.Tests;

/// <summary>
/// graph-node accepts String variables in ID positions and ID variables in String positions (The Graph's documented
/// pagination: <c>query($lastID: String) { things(where: { id_gt: $lastID }) }</c>); every other check of
/// VariablesInAllowedPosition stays.
/// </summary>
public sealed class VariablePositionTests(EngineFixture fx) : IClassFixture<EngineFixture>
{
    private static List<string> Ids(JsonNode j, string field) =>
        j["data"]![field]!.AsArray().Select(p => (string)p!["id"]!).ToList();

    [Fact]
    public async Task The_documented_pagination_with_a_String_variable_for_id_gt_pages_through()
    {
        const string q = "query($lastID: String) { people(first: 2, where: { id_gt: $lastID }) { id } }";
        for (var round = 0; round < 2; round++) // the second round reuses the validated document
        {
            var first = JsonNode.Parse(await fx.QueryAsync(q, "{\"lastID\": \"\"}"))!;
            Assert.Null(first["errors"]);
            Assert.Equal(["p1", "p2"], Ids(first, "people"));
            var next = JsonNode.Parse(await fx.QueryAsync(q, "{\"lastID\": \"p2\"}"))!;
            Assert.Null(next["errors"]);
            Assert.Equal(["p3", "p4"], Ids(next, "people"));
        }
    }

    [Fact]
    public async Task String_variables_fit_ID_arguments_and_ID_variables_fit_String_filters()
    {
        var one = JsonNode.Parse(await fx.QueryAsync("query($id: String!) { person(id: $id) { id name } }", "{\"id\": \"p3\"}"))!;
        Assert.Null(one["errors"]);
        Assert.Equal("Carol", (string?)one["data"]!["person"]!["name"]);

        var list = JsonNode.Parse(await fx.QueryAsync("query($ids: [String!]) { people(where: { id_in: $ids }) { id } }", "{\"ids\": [\"p4\", \"p2\"]}"))!;
        Assert.Null(list["errors"]);
        Assert.Equal(["p2", "p4"], Ids(list, "people"));

        var byName = JsonNode.Parse(await fx.QueryAsync("query($n: ID) { people(where: { name: $n }) { id } }", "{\"n\": \"Bob\"}"))!;
        Assert.Null(byName["errors"]);
        Assert.Equal(["p2"], Ids(byName, "people"));

        // A nullable variable with a default fits a non-null position.
        var defaulted = JsonNode.Parse(await fx.QueryAsync("query($id: String = \"p1\") { person(id: $id) { id } }"))!;
        Assert.Null(defaulted["errors"]);
        Assert.Equal("p1", (string?)defaulted["data"]!["person"]!["id"]);
    }

    [Theory]
    [InlineData("query($id: String) { person(id: $id) { id } }", "{\"id\": \"p1\"}", "$id")]   // nullable in ID!, no default
    [InlineData("query($id: ID) { person(id: $id) { id } }", "{\"id\": \"p1\"}", "$id")]       // the same with ID itself
    [InlineData("query($n: Int) { people(where: { name: $n }) { id } }", "{\"n\": 1}", "$n")]  // Int for String
    [InlineData("query($n: String) { people(first: $n) { id } }", "{\"n\": \"1\"}", "$n")]     // String for Int
    [InlineData("query($n: ID) { people(where: { age: $n }) { id } }", "{\"n\": \"1\"}", "$n")] // ID for Int
    [InlineData("query($ids: String) { people(where: { id_in: $ids }) { id } }", "{\"ids\": \"p1\"}", "$ids")] // not a list
    [InlineData("query($ids: [String]) { people(where: { id_in: $ids }) { id } }", "{\"ids\": [\"p1\"]}", "$ids")] // [String] for [ID!]
    public async Task Other_mismatches_are_still_refused(string query, string variables, string variable)
    {
        var j = JsonNode.Parse(await fx.QueryAsync(query, variables))!;
        Assert.Null(j["data"]);
        var message = (string)j["errors"]![0]!["message"]!;
        Assert.Contains("Variable '" + variable + "' of type", message, StringComparison.Ordinal);
        Assert.Contains("used in position expecting type", message, StringComparison.Ordinal);
    }
}
