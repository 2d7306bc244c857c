using System.Text.Json;
using System.Text.RegularExpressions;

namespace DePin.Index.Subgraph.Manifest;

/// <summary>
/// Renders <c>subgraph.template.yaml</c> into <c>subgraph.yaml</c> exactly as
/// <c>subgraphs/depin/render-manifest.mjs</c> does: each <c>{{Name.address}}</c> becomes the deployed
/// contract's address and each <c>{{Name.block}}</c> its deployment block (the data source's
/// startBlock), and a header line marks the file as generated. The contracts come from the
/// devnet's state file, <c>{ "contracts": { "Name": { "address": "0x…", "block": N } } }</c>.
/// </summary>
public static partial class ManifestTemplate
{
    /// <summary>The first line of a rendered manifest.</summary>
    public const string Header = "# Generated from subgraph.template.yaml with the deployed contracts: edit the template, not this file.\n";

    private const string ZeroAddress = "0x0000000000000000000000000000000000000000";

    /// <summary>Renders a template.</summary>
    /// <param name="template">The template text.</param>
    /// <param name="contracts">Deployed contracts by name; null or empty (nothing deployed yet) renders zero addresses and block 0 (builds, indexes nothing).</param>
    /// <param name="file">The template's name, for messages.</param>
    /// <exception cref="ManifestException">for an unknown placeholder or a contract missing from <paramref name="contracts"/>.</exception>
    public static string Render(string template, IReadOnlyDictionary<string, DeployedContract>? contracts, string file = "subgraph.template.yaml")
    {
        ArgumentNullException.ThrowIfNull(template);
        return Header + Placeholder().Replace(template, m =>
        {
            var (line, column) = Position(template, m.Index);
            var expr = Expression().Match(m.Groups[1].Value);
            if (!expr.Success)
            {
                throw new ManifestException(file, line, column, null, $"unknown placeholder {m.Value} (expected {{{{Contract.address}}}} or {{{{Contract.block}}}})");
            }

            var (name, field) = (expr.Groups[1].Value, expr.Groups[2].Value);
            if (contracts is null || contracts.Count == 0)
            {
                return field == "address" ? ZeroAddress : "0";
            }

            if (!contracts.TryGetValue(name, out var contract))
            {
                throw new ManifestException(file, line, column, null,
                    $"no deployed contract \"{name}\" (have: {(contracts.Count == 0 ? "none" : string.Join(", ", contracts.Keys.Order(StringComparer.Ordinal)))})");
            }

            return field == "address" ? contract.Address : contract.Block.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    /// <summary>Reads the contracts of a devnet state file.</summary>
    /// <exception cref="ManifestException">naming the file and the bad entry.</exception>
    public static IReadOnlyDictionary<string, DeployedContract> ReadState(string stateFile)
    {
        ArgumentNullException.ThrowIfNull(stateFile);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(stateFile));
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("contracts", out var contracts) || contracts.ValueKind != JsonValueKind.Object)
            {
                throw new ManifestException(stateFile, 0, 0, null, "expected an object with a \"contracts\" object");
            }

            var result = new Dictionary<string, DeployedContract>(StringComparer.Ordinal);
            foreach (var c in contracts.EnumerateObject())
            {
                result[c.Name] = ReadContract(stateFile, c);
            }

            return result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new ManifestException(stateFile, 0, 0, null, $"cannot read the devnet state: {e.Message}", e);
        }
    }

    private static DeployedContract ReadContract(string file, JsonProperty c)
    {
        var v = c.Value;
        if (v.ValueKind != JsonValueKind.Object || !v.TryGetProperty("address", out var a) || a.ValueKind != JsonValueKind.String || !AddressText().IsMatch(a.GetString()!))
        {
            throw new ManifestException(file, 0, 0, $"contracts.{c.Name}.address", "must be a 0x-prefixed 20-byte hex address");
        }

        if (!v.TryGetProperty("block", out var b) || b.ValueKind != JsonValueKind.Number || !b.TryGetInt64(out var block) || block < 0)
        {
            throw new ManifestException(file, 0, 0, $"contracts.{c.Name}.block", "must be a non-negative integer");
        }

        return new DeployedContract(a.GetString()!, block);
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)\.(address|block)$")]
    private static partial Regex Expression();

    [GeneratedRegex("^0x[0-9a-fA-F]{40}$")]
    private static partial Regex AddressText();
}
