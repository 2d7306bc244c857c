using DePin.Index.Ethereum.Primitives;
using DePin.Index.Subgraph.Manifest;

namespace DePin.Index.Chain.Internal;

/// <summary>What an event handler's manifest signature says about the logs it matches.</summary>
internal static class EventSignature
{
    /// <summary>
    /// The handler's topic0: its explicit <c>topic0</c>, else keccak256 of the signature without <c>indexed </c>
    /// markers and spaces (graph-node <c>MappingEventHandler::topic0</c>, <c>string_to_b256</c>).
    /// </summary>
    public static Hash32 Topic0(MappingEventHandler handler) =>
        handler.Topic0 ?? Hash32.Of(handler.Event.Replace("indexed ", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal));

    /// <summary>
    /// The number of topics a log of this event has (1 + indexed parameters) when the signature marks its indexed
    /// parameters; null when it marks none (graph-node then resolves the event from the ABI, so the count is not
    /// known from the signature alone).
    /// </summary>
    public static int? TopicCount(string signature)
    {
        var open = signature.IndexOf('(', StringComparison.Ordinal);
        var close = signature.LastIndexOf(')');
        if (open < 0 || close < open || !signature.Contains("indexed ", StringComparison.Ordinal)) return null;
        var indexed = 0;
        var depth = 0;
        var start = open + 1;
        for (var i = open + 1; i <= close; i++)
        {
            var c = signature[i];
            if (c == '(' || c == '[') depth++;
            else if ((c == ')' || c == ']') && i < close) depth--;
            else if ((c == ',' && depth == 0) || i == close)
            {
                if (signature.AsSpan(start, i - start).TrimStart().StartsWith("indexed ", StringComparison.Ordinal)) indexed++;
                start = i + 1;
            }
        }
        return 1 + indexed;
    }
}
