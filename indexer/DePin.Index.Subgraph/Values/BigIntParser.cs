using System.Numerics;

namespace DePin.Index.Subgraph.Values;

/// <summary>
/// Parses decimal integers exactly as graph-node does (Rust <c>num-bigint</c>'s
/// <c>BigInt::from_str</c>): an optional <c>-</c> or <c>+</c>, ASCII digits, underscores allowed
/// after the first digit; nothing else (no spaces, no hex).
/// </summary>
public static class BigIntParser
{
    /// <summary>Parses <paramref name="s"/>; false when it is not a decimal integer.</summary>
    public static bool TryParse(string? s, out BigInteger value)
    {
        value = BigInteger.Zero;
        if (s is null)
        {
            return false;
        }

        var negative = false;
        var span = s.AsSpan();
        if (span.StartsWith("-"))
        {
            negative = true;
            if (!span[1..].StartsWith("+"))
            {
                span = span[1..];
            }
        }

        if (span.StartsWith("+") && !span[1..].StartsWith("+"))
        {
            span = span[1..];
        }

        if (span.IsEmpty || span[0] == '_')
        {
            return false;
        }

        var clean = new System.Text.StringBuilder(span.Length);
        foreach (var c in span)
        {
            if (c == '_')
            {
                continue;
            }

            if (c is < '0' or > '9')
            {
                return false;
            }

            clean.Append(c);
        }

        if (clean.Length == 0)
        {
            return false;
        }

        value = BigInteger.Parse(clean.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        if (negative)
        {
            value = -value;
        }

        return true;
    }
}
