using System.Text.Json.Nodes;

namespace DePin.Index.GraphQL.Tests;

/// <summary>
/// Regression: a NUL character in a string variable once reached PostgreSQL (which can not store it in text); the failed
/// statement left a pooled, auto-prepared connection out of step with the protocol, and a later query that took the
/// same connection failed with Npgsql's "unexpected backend message DataRow". The engine now refuses NUL before sending.
/// </summary>
public sealed class NulCharacterTests(EngineFixture fx) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task A_nul_is_refused_with_a_message_that_names_it()
    {
        var a = JsonNode.Parse(await fx.QueryAsync("query($v: String!) { people(where: { name: $v }) { id } }", """{"v":"a\u0000b"}"""))!;
        Assert.Contains("NUL", (string)a["errors"]![0]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nul_in_any_string_filter_is_a_clear_error_and_later_queries_still_work()
    {
        var ops = new[] { "", "_not", "_gt", "_contains", "_contains_nocase", "_starts_with", "_ends_with_nocase", "_in", "_not_in" };
        for (var round = 0; round < 10; round++)
        {
            foreach (var op in ops)
            {
                var list = op.EndsWith("in", StringComparison.Ordinal);
                var query = list
                    ? $"query($v: [String!]!) {{ a: people(where: {{ name{op}: $v }}) {{ id }} b: people(first: 2) {{ id name }} }}"
                    : $"query($v: String!) {{ a: people(where: {{ name{op}: $v }}) {{ id }} b: people(first: 2) {{ id name }} }}";
                var variables = list ? new JsonObject { ["v"] = new JsonArray("x\u0000y") } : new JsonObject { ["v"] = "x\u0000y" };
                var bad = JsonNode.Parse(await fx.QueryAsync(query, variables.ToJsonString()))!;
                Assert.NotNull(bad["errors"]);
            }

            for (var i = 0; i < 5; i++)
            {
                var ok = JsonNode.Parse(await fx.QueryAsync("""{ person(id: "p1") { name } people(first: 3, orderBy: id) { id } }"""))!;
                Assert.Null(ok["errors"]);
                Assert.Equal("Alice", (string?)ok["data"]!["person"]!["name"]);
            }
        }
    }
}
