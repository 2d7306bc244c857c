using DePin.Index.Subgraph.Manifest;
using DePin.Index.Subgraph.Schema;
using DePin.Index.Subgraph.Tests.Manifest;

namespace DePin.Index.Subgraph.Tests;

/// <summary>
/// Seeded random damage to a valid manifest and schema: the parsers either accept the result or
/// throw their own exception with a message — never anything else.
/// </summary>
public class MalformedInputTests
{
    private const int Rounds = 1500;
    private static readonly string[] Fragments = ["", " ", "\n", ":", "-", "[", "]", "{", "}", "\"", "'", "#", "!", "@", "(", ")", "0x", "~", "&a", "*a", "\t", "é", "0", "-1", "true"];

    [Fact]
    public void Damaged_manifests_fail_only_with_a_manifest_exception()
    {
        var rng = new Random(20261124);
        var accepted = 0;
        for (var i = 0; i < Rounds; i++)
        {
            var text = Damage(ManifestErrorTests.Valid, rng);
            try
            {
                SubgraphManifest.Parse(text);
                accepted++;
            }
            catch (ManifestException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Problem ?? e.Message));
                Assert.StartsWith("subgraph.yaml", e.Message, StringComparison.Ordinal);
            }
        }

        Assert.InRange(accepted, 1, Rounds - 1); // the damage is neither always harmless nor always fatal
    }

    [Fact]
    public void Damaged_schemas_fail_only_with_a_schema_exception()
    {
        var sdl = File.ReadAllText(Path.Combine(RepoPaths.DepinSubgraph, "schema.graphql"));
        var rng = new Random(42);
        var accepted = 0;
        for (var i = 0; i < Rounds; i++)
        {
            try
            {
                SubgraphSchema.Parse(Damage(sdl, rng));
                accepted++;
            }
            catch (SchemaException e)
            {
                Assert.NotEmpty(e.Errors);
                Assert.All(e.Errors, err => Assert.False(string.IsNullOrWhiteSpace(err.Problem)));
            }
        }

        Assert.InRange(accepted, 1, Rounds - 1);
    }

    private static string Damage(string text, Random rng)
    {
        var chars = text;
        for (var edits = rng.Next(1, 4); edits > 0; edits--)
        {
            var at = rng.Next(chars.Length);
            var cut = rng.Next(0, 6);
            chars = string.Concat(chars.AsSpan(0, at), Fragments[rng.Next(Fragments.Length)], chars.AsSpan(Math.Min(chars.Length, at + cut)));
        }

        return chars;
    }
}
