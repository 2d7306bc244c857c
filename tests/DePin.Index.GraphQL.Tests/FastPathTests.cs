using System.Text.Json;

namespace DePin.Index.GraphQL.Tests;

/// <summary>The fast path (validated documents, entity fields only) answers byte for byte as GraphQL.NET's executor.</summary>
public sealed class FastPathTests(EngineFixture fx) : IClassFixture<EngineFixture>
{
    public static TheoryData<string> Names() => new(QueryCases.All.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Second_answer_equals_the_general_path(string name)
    {
        var (query, variables) = QueryCases.All[name];
        var vars = variables is null ? (JsonElement?)null : JsonDocument.Parse(variables).RootElement;
        await using var general = GraphQLEngine.Create(fx.Store, fx.ConnectionString, new GraphQLOptions { FastPath = false });
        var expected = await general.ExecuteAsync(fx.ZooId, new GraphQLQuery(query, vars));
        await using var engine = GraphQLEngine.Create(fx.Store, fx.ConnectionString);
        var first = await engine.ExecuteAsync(fx.ZooId, new GraphQLQuery(query, vars));
        var second = await engine.ExecuteAsync(fx.ZooId, new GraphQLQuery(query, vars));
        Assert.Equal(expected.Json, first.Json);
        Assert.Equal(expected.Json, second.Json);
        Assert.Equal(expected.Block, second.Block);
        Assert.Equal(expected.EntityTypes, second.EntityTypes);
        Assert.Equal(0, general.FastPathAnswers);
        var expectFast = !name.StartsWith("error_", StringComparison.Ordinal) && !query.Contains("_meta", StringComparison.Ordinal);
        Assert.Equal(expectFast ? 1 : 0, engine.FastPathAnswers);
    }
}
