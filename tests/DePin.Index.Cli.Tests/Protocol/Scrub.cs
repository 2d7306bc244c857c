using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DePin.Index.Cli.Tests.Protocol;

/// <summary>Golden output minus what a rerun may change: transaction hashes (the rest is deterministic on a reverted chain).</summary>
internal static partial class Scrub
{
    public static string Text(string output) => TxHash().Replace(output, "tx HASH");

    /// <summary>JSON with transaction.hash replaced.</summary>
    public static string Json(string output)
    {
        var node = JsonNode.Parse(output)!;
        if (node["transaction"] is JsonObject tx) tx["hash"] = "HASH";
        return node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    [GeneratedRegex("tx 0x[0-9a-f]{64}")]
    private static partial Regex TxHash();
}
