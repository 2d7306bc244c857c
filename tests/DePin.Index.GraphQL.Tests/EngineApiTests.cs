using System.Text.Json.Nodes;

namespace DePin.Index.GraphQL.Tests;

/// <summary>What the Live layer relies on: the block answered at and the entity types read; introspection; options.</summary>
public sealed class EngineApiTests(EngineFixture fx) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task Result_names_the_block_and_the_entity_types_read()
    {
        var r = await fx.Engine.ExecuteAsync(fx.ZooId, new GraphQLQuery("""{ person(id: "p1") { pets { id } } }"""));
        Assert.False(r.HasErrors);
        Assert.Equal(3, r.Block);
        Assert.Equal(["Person", "Pet"], r.EntityTypes);

        var past = await fx.Engine.ExecuteAsync(fx.ZooId, new GraphQLQuery("{ nameds(block: { number: 2 }) { id } }"));
        Assert.Equal(2, past.Block);
        Assert.Equal(["Person", "Pet"], past.EntityTypes);

        var intro = await fx.Engine.ExecuteAsync(fx.ZooId, new GraphQLQuery("{ __typename }"));
        Assert.Null(intro.Block);
        Assert.Empty(intro.EntityTypes);
    }

    [Fact]
    public async Task Introspection_serves_the_generated_types()
    {
        var j = JsonNode.Parse(await fx.QueryAsync("""
            { __schema { queryType { name } types { name } }
              q: __type(name: "Query") { fields { name } }
              f: __type(name: "Pet_filter") { inputFields { name } } }
            """))!;
        Assert.Null(j["errors"]);
        var types = j["data"]!["__schema"]!["types"]!.AsArray().Select(t => (string)t!["name"]!).ToList();
        Assert.Contains("Person_filter", types);
        Assert.Contains("Named_orderBy", types);
        Assert.Contains("_Meta_", types);
        var fields = j["data"]!["q"]!["fields"]!.AsArray().Select(t => (string)t!["name"]!).ToList();
        Assert.Equal(["person", "people", "pet", "pets", "named", "nameds", "personSearch", "_meta"], fields);
        var filter = j["data"]!["f"]!["inputFields"]!.AsArray().Select(t => (string)t!["name"]!).ToList();
        Assert.Contains("owner_", filter);
        Assert.Equal(["_change_block", "and", "or"], filter.TakeLast(3));
    }

    [Fact]
    public async Task Sdl_is_served_per_deployment()
    {
        var sdl = await fx.Engine.GetSchemaSdlAsync(fx.ZooId);
        Assert.Contains("personSearch(", sdl, StringComparison.Ordinal);
        await Assert.ThrowsAsync<GraphQLEngineException>(() => fx.Engine.GetSchemaSdlAsync("QmNopeNopeNopeNopeNopeNopeNopeNopeNopeNopeNope"));
    }

    [Fact]
    public async Task A_statement_timeout_of_1_ms_becomes_a_clear_graphql_error()
    {
        await using var engine = GraphQLEngine.Create(fx.Store, fx.ConnectionString, new GraphQLOptions { StatementTimeoutMilliseconds = 1 });
        // A cross product of nested exists filters over every version: slow enough for 1 ms on any machine.
        var nested = string.Concat(Enumerable.Repeat("friends_: { ", 12)) + "name_contains_nocase: \"zz\"" + new string('}', 12);
        var r = await engine.ExecuteAsync(fx.ZooId, new GraphQLQuery("{ people(where: { or: [{ " + nested + " }, { pets_: { owner_: { " + nested + " } } }] }) { id } }"));
        Assert.True(r.HasErrors);
        Assert.Contains("statement timeout of 1 ms", r.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_reused_without_validation_still_checks_its_variables()
    {
        const string q = "query($n: Int!, $c: Color) { people(first: $n, where: { color: $c }) { id } }";
        for (var round = 0; round < 2; round++)
        {
            var ok = JsonNode.Parse(await fx.QueryAsync(q, "{\"n\": 1, \"c\": \"Red\"}"))!;
            Assert.Equal("p1", (string?)ok["data"]!["people"]![0]!["id"]);
            Assert.Contains("Unable to convert 'ten' to 'Int'", await fx.QueryAsync(q, "{\"n\": \"ten\"}"), StringComparison.Ordinal);
            Assert.Contains("No value provided for a non-null variable", await fx.QueryAsync(q, "{}"), StringComparison.Ordinal);
            Assert.Contains("Purple", await fx.QueryAsync(q, "{\"n\": 1, \"c\": \"Purple\"}"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Options_come_from_DEPIN_GRAPHQL_variables()
    {
        var env = new Dictionary<string, string> { ["DEPIN_GRAPHQL_MAX_FIRST"] = "50", ["DEPIN_GRAPHQL_STATEMENT_TIMEOUT_MS"] = "250" };
        var o = GraphQLOptions.FromEnvironment(k => env.GetValueOrDefault(k));
        Assert.Equal(50, o.MaxFirst);
        Assert.Equal(250, o.StatementTimeoutMilliseconds);
        Assert.Equal(GraphQLOptions.Default.MaxDepth, o.MaxDepth);
        var e = Assert.Throws<ArgumentException>(() => GraphQLOptions.FromEnvironment(k => k == "DEPIN_GRAPHQL_MAX_DEPTH" ? "deep" : null));
        Assert.Contains("DEPIN_GRAPHQL_MAX_DEPTH=deep", e.Message, StringComparison.Ordinal);
    }
}
