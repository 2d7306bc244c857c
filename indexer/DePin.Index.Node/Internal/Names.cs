using System.Text.RegularExpressions;

namespace DePin.Index.Node;

/// <summary>graph-node's rules for subgraph names and node ids.</summary>
internal static partial class Names
{
    /// <summary>
    /// Null when the name is valid (graph-node's <c>SubgraphName::new</c>): 1-255 characters of letters, digits, <c>-</c>,
    /// <c>_</c> and <c>/</c>; each <c>/</c>-separated part non-empty, starting and ending with a letter or digit, holding a
    /// letter, and not <c>graphql</c>. Otherwise the reason.
    /// </summary>
    public static string? SubgraphNameProblem(string name)
    {
        if (name.Length is 0 or > 255)
        {
            return "a subgraph name has 1 to 255 characters";
        }

        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/'))
        {
            return "a subgraph name may hold only letters, digits, '-', '_' and '/'";
        }

        foreach (var part in name.Split('/'))
        {
            if (part.Length == 0)
            {
                return "a subgraph name has no empty parts between '/'";
            }

            if (part == "graphql")
            {
                return "'graphql' is reserved and cannot be part of a subgraph name";
            }

            if (!char.IsAsciiLetterOrDigit(part[0]) || !char.IsAsciiLetterOrDigit(part[^1]) || !part.Any(char.IsAsciiLetter))
            {
                return $"the part '{part}' must start and end with a letter or digit and contain a letter";
            }
        }

        return null;
    }

    /// <summary>Null when the node id is valid (graph-node's <c>NodeId::new</c>: 1-63 of a-z, 0-9, _); otherwise the reason.</summary>
    public static string? NodeIdProblem(string nodeId) =>
        NodeIdPattern().IsMatch(nodeId) ? null : "a node id has 1 to 63 characters of a-z, 0-9 and '_'";

    [GeneratedRegex("^[a-z0-9_]{1,63}$")]
    private static partial Regex NodeIdPattern();
}
