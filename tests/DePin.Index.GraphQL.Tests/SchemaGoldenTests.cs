using DePin.Index.GraphQL.Internal.Execution;
using DePin.Index.GraphQL.Internal.Schema;
using DePin.Index.Subgraph.Schema;
using GraphQL;
using GraphQL.Utilities;
using Snapshooter.Xunit;

namespace DePin.Index.GraphQL.Tests;

/// <summary>The generated API SDL, golden: the DePIN subgraph's and the zoo test schema's (pure, no database).</summary>
public sealed class SchemaGoldenTests
{
    internal static string Sdl(string schemaText)
    {
        var schema = SubgraphSchema.Parse(schemaText);
        var api = ApiSchemaBuilder.Build(schema, RowResolver.Instance, RowResolver.Instance);
        return api.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true });
    }

    internal static string DepinSchemaText()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "DePin.Index.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found");
        }

        return File.ReadAllText(Path.Combine(dir, "subgraphs", "depin", "schema.graphql"));
    }

    [Fact]
    public void Depin_subgraph_api_sdl() => Snapshot.Match(Sdl(DepinSchemaText()));

    [Fact]
    public void Zoo_api_sdl() => Snapshot.Match(Sdl(ZooData.Schema));

    [Theory]
    [InlineData("Device", "device", "devices")]
    [InlineData("Epoch", "epoch", "epoches")]
    [InlineData("KindStats", "kindStats", "kindStats_collection")]
    [InlineData("EnergyTrade", "energyTrade", "energyTrades")]
    [InlineData("Category", "category", "categories")]
    [InlineData("Person", "person", "people")]
    [InlineData("Box", "box", "boxes")]
    [InlineData("Analysis", "analysis", "analyses")]
    [InlineData("Sheep", "sheep", "sheep_collection")]
    public void Query_field_names_follow_graph_node(string type, string singular, string plural)
    {
        Assert.Equal(singular, ApiNames.Singular(type));
        Assert.Equal(plural, ApiNames.Plural(type));
    }

    [Fact]
    public void Filter_fields_of_a_bytes_id_reference_use_string_operations_like_graph_node()
    {
        var sdl = Sdl(DepinSchemaText());
        Assert.Contains("owner_starts_with_nocase: String", sdl, StringComparison.Ordinal);
        Assert.Contains("owner_: Owner_filter", sdl, StringComparison.Ordinal);
        Assert.Contains("proofs_: Proof_filter", sdl, StringComparison.Ordinal);
        Assert.DoesNotContain("proofs_contains", sdl, StringComparison.Ordinal);
        Assert.Contains("deviceKey_contains: Bytes", sdl, StringComparison.Ordinal);
        Assert.DoesNotContain("deviceKey_starts_with", sdl, StringComparison.Ordinal);
        Assert.Contains("lastProof__workUnits", sdl, StringComparison.Ordinal);
    }
}
