using System.Numerics;

namespace DePin.Index.Subgraph.Values;

/// <summary>
/// Parses decimal text the way graph-node does (Rust <c>bigdecimal 0.1.2</c> over
/// <c>num-bigint</c>): an optional sign, digits with an optional '.', optional <c>e</c>/<c>E</c>
/// exponent. Underscores are accepted after the first digit, as the Rust parser accepts them.
/// </summary>
internal static class BigDecimalParser
{
    internal static bool TryParse(string? text, out BigInteger intVal, out long scale)
    {
        intVal = BigInteger.Zero;
        scale = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var basePart = text;
        long exponent = 0;
        var e = text.AsSpan().IndexOfAny('e', 'E');
        if (e >= 0)
        {
            basePart = text[..e];
            var exp = text.AsSpan(e + 1);
            if (exp.Length > 0 && exp[0] == '+')
            {
                exp = exp[1..];
            }

            if (!TryParseInt64(exp, out exponent))
            {
                return false;
            }
        }

        if (basePart.Length == 0)
        {
            return false;
        }

        string digits;
        long offset = 0;
        var dot = basePart.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            digits = basePart;
        }
        else
        {
            var trail = basePart[(dot + 1)..];
            digits = basePart[..dot] + trail;
            offset = System.Text.Encoding.UTF8.GetByteCount(trail);
        }

        if (!BigIntParser.TryParse(digits, out intVal))
        {
            return false;
        }

        try
        {
            scale = checked(offset - exponent);
        }
        catch (OverflowException)
        {
            return false;
        }

        return true;
    }

    /// <summary>Rust <c>i64::from_str</c>: optional sign, ASCII digits only.</summary>
    private static bool TryParseInt64(ReadOnlySpan<char> s, out long value)
    {
        return long.TryParse(
            s,
            System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture,
            out value);
    }
}
