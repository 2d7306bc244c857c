using System.Globalization;
using System.Text;
using DePin.Index.GraphQL;

namespace DePin.Index.Live.Internal;

/// <summary>A cached result's bytes: <c>{block or -}\n{type,type,…}\n{response JSON}</c>.</summary>
internal static class CacheEntry
{
    public static byte[] Encode(GraphQLResult r)
    {
        var header = Encoding.UTF8.GetBytes(
            (r.Block?.ToString(CultureInfo.InvariantCulture) ?? "-") + "\n" + string.Join(',', r.EntityTypes) + "\n");
        var bytes = new byte[header.Length + r.Utf8Json.Length];
        header.CopyTo(bytes, 0);
        r.Utf8Json.CopyTo(bytes, header.Length);
        return bytes;
    }

    /// <summary>The result, or null for bytes that are not an entry (treated as a miss).</summary>
    public static GraphQLResult? Decode(byte[] bytes)
    {
        var first = Array.IndexOf(bytes, (byte)'\n');
        var second = first < 0 ? -1 : Array.IndexOf(bytes, (byte)'\n', first + 1);
        if (second < 0)
        {
            return null;
        }

        var blockText = Encoding.UTF8.GetString(bytes, 0, first);
        int? block = blockText == "-" ? null
            : int.TryParse(blockText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var b) ? b : null;
        var typesText = Encoding.UTF8.GetString(bytes, first + 1, second - first - 1);
        var types = typesText.Length == 0 ? [] : typesText.Split(',');
        return new GraphQLResult(bytes[(second + 1)..], block, types, hasErrors: false);
    }
}
