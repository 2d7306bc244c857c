using System.Text;
using System.Text.Json.Nodes;

namespace DePin.Index.GraphQL.Tests;

/// <summary>Hostile requests get a GraphQL error (never an exception or a hang) and the engine keeps answering.</summary>
public sealed class AbuseTests(EngineFixture fx) : IClassFixture<EngineFixture>
{
    private async Task<JsonNode> AskAsync(string query, string? variables = null) => JsonNode.Parse(await fx.QueryAsync(query, variables))!;

    private async Task StillAnswersAsync()
    {
        var ok = await AskAsync("""{ person(id: "p1") { name } }""");
        Assert.Equal("Alice", (string?)ok["data"]!["person"]!["name"]);
    }

    private static string Message(JsonNode answer) => (string)answer["errors"]![0]!["message"]!;

    [Fact]
    public async Task Depth_1000_is_refused()
    {
        var q = "{ people { " + string.Concat(Enumerable.Repeat("best { ", 999)) + "id" + new string('}', 999) + " } }";
        var a = await AskAsync(q);
        Assert.Contains("levels deep", Message(a), StringComparison.Ordinal);
        await StillAnswersAsync();
    }

    [Fact]
    public async Task Depth_over_the_limit_through_fragments_is_refused()
    {
        var frags = string.Concat(Enumerable.Range(0, 40).Select(i => $"fragment F{i} on Person {{ best {{ ...F{i + 1} }} }} "));
        var a = await AskAsync("{ people { ...F0 } } " + frags + "fragment F40 on Person { id }");
        Assert.Contains("levels deep", Message(a), StringComparison.Ordinal);
        await StillAnswersAsync();
    }

    [Fact]
    public async Task First_one_billion_is_refused()
    {
        var a = await AskAsync("{ people(first: 1000000000) { id } }");
        Assert.Equal("The `first` argument must be between 0 and 1000, but is 1000000000", Message(a));
        await StillAnswersAsync();
    }

    [Fact]
    public async Task A_one_megabyte_document_is_refused()
    {
        var q = "{ people { id " + new string(' ', 1024 * 1024) + "} }";
        var a = await AskAsync(q);
        Assert.Contains("more than the limit of 262144", Message(a), StringComparison.Ordinal);
        await StillAnswersAsync();
    }

    [Fact]
    public async Task Nested_lists_beyond_the_cost_limit_are_refused()
    {
        var a = await AskAsync("{ people(first: 1000) { friends(first: 1000) { friends(first: 1000) { id } } } }");
        Assert.Contains("too expensive", Message(a), StringComparison.Ordinal);
        await StillAnswersAsync();
    }

    [Fact]
    public async Task Cyclic_fragments_are_refused()
    {
        var a = await AskAsync("{ people { ...A } } fragment A on Person { best { ...B } } fragment B on Person { best { ...A } }");
        Assert.NotNull(a["errors"]);
        await StillAnswersAsync();
    }

    public static TheoryData<string> Injections() => new()
    {
        "'; drop table person; --",
        "\" or 1=1 --",
        "%' or '1'='1",
        "\\'; select pg_sleep(10); --",
        "$1) or true or (1=$1",
        "\u0000",
        "p1' union select * from pg_user --",
    };

    [Theory]
    [MemberData(nameof(Injections))]
    public async Task Injection_strings_in_every_string_filter_match_nothing(string evil)
    {
        var ops = new[] { "", "_not", "_gt", "_lt", "_gte", "_lte", "_contains", "_contains_nocase", "_not_contains", "_not_contains_nocase",
            "_starts_with", "_starts_with_nocase", "_not_starts_with", "_not_starts_with_nocase", "_ends_with", "_ends_with_nocase",
            "_not_ends_with", "_not_ends_with_nocase" };
        var sb = new StringBuilder("query($v: String!, $vs: [String!]!) {");
        var n = 0;
        foreach (var field in new[] { "name", "nick", "best" })
        {
            foreach (var op in ops)
            {
                sb.Append($" q{n++}: people(where: {{ {field}{op}: $v }}) {{ id }}");
            }

            sb.Append($" q{n++}: people(where: {{ {field}_in: $vs }}) {{ id }} q{n++}: people(where: {{ {field}_not_in: $vs }}) {{ id }}");
        }

        sb.Append($" q{n++}: people(where: {{ tags_contains: $vs }}) {{ id }} q{n++}: people(where: {{ tags_contains_nocase: $vs }}) {{ id }}");
        sb.Append($" q{n++}: person(id: $v) {{ id }} q{n++}: personSearch(text: \"alice\", where: {{ name: $v }}) {{ id }}");
        sb.Append(" }");
        var vars = new JsonObject { ["v"] = evil, ["vs"] = new JsonArray(evil) }.ToJsonString();
        var a = await AskAsync(sb.ToString(), vars);
        if (evil.Contains('\u0000', StringComparison.Ordinal))
        {
            // PostgreSQL text can not hold NUL: a clear error, nothing else.
            Assert.NotNull(a["errors"]);
        }
        else
        {
            Assert.Null(a["errors"]);
            Assert.Equal(0, (int?)a["data"]!["q0"]!.AsArray().Count);
        }

        await StillAnswersAsync();
        Assert.Equal(4, JsonNode.Parse(await fx.QueryAsync("{ people { id } }"))!["data"]!["people"]!.AsArray().Count);
    }

    [Fact]
    public async Task Abuse_in_parallel_with_normal_clients_leaves_them_answered()
    {
        var bad = Enumerable.Range(0, 20).Select(i => fx.QueryAsync(i % 2 == 0 ? "{ people(first: 1000000000) { id } }" : "{ people { " + new string('x', 300_000) + " } }"));
        var good = Enumerable.Range(0, 20).Select(_ => fx.QueryAsync("""{ person(id: "p2") { name } }"""));
        var all = await Task.WhenAll(bad.Concat(good));
        Assert.All(all.Take(20), j => Assert.NotNull(JsonNode.Parse(j)!["errors"]));
        Assert.All(all.Skip(20), j => Assert.Equal("Bob", (string?)JsonNode.Parse(j)!["data"]!["person"]!["name"]));
    }

    [Fact]
    public async Task Unknown_deployment_and_malformed_variables_are_errors()
    {
        var r = await fx.Engine.ExecuteAsync("QmNopeNopeNopeNopeNopeNopeNopeNopeNopeNopeNope", new GraphQLQuery("{ _meta { deployment } }"));
        Assert.True(r.HasErrors);
        Assert.Contains("does not exist", r.Json, StringComparison.Ordinal);
        var v = await AskAsync("query($n: Int) { people(first: $n) { id } }", "[1, 2]");
        Assert.Contains("`variables` must be a JSON object", Message(v), StringComparison.Ordinal);
        await StillAnswersAsync();
    }
}
