using System.Text.Json;
using System.Text.Json.Nodes;
using Snapshooter;
using Snapshooter.Xunit;

namespace DePin.Index.GraphQL.Tests;

/// <summary>Golden answers of the query suite (<see cref="QueryCases"/>) on the zoo deployment.</summary>
public sealed class QueryGoldenTests(EngineFixture fx) : IClassFixture<EngineFixture>
{
    public static TheoryData<string> Names() => new(QueryCases.All.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Answer_matches_the_golden(string name)
    {
        var (query, variables) = QueryCases.All[name];
        var json = await fx.QueryAsync(query, variables);
        var pretty = JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Snapshot.Match(pretty, SnapshotNameExtension.Create(name));
        Assert.Equal(name.StartsWith("error_", StringComparison.Ordinal), JsonNode.Parse(json)!["errors"] is not null);
    }
}
