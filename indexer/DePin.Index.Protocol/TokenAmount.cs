using System.Globalization;
using System.Numerics;

namespace DePin.Index.Protocol;

/// <summary>Token amounts: 18 decimals, shown as plain decimals ("100000", "0.5") with the symbol DPI.</summary>
public static class TokenAmount
{
    public const string Symbol = "DPI";
    public const int Decimals = 18;

    /// <summary>10^18: one token in wei.</summary>
    public static readonly BigInteger One = BigInteger.Pow(10, Decimals);

    /// <summary>Whole tokens to wei.</summary>
    public static BigInteger Tokens(long whole) => whole * One;

    /// <summary>"1234.5" → 1234500000000000000000 wei, exactly; more than 18 decimals or garbage is a FormatException.</summary>
    public static BigInteger Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().Replace("_", "", StringComparison.Ordinal);
        if (t.Length == 0) throw new FormatException("an empty string is not a token amount");
        var dot = t.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? t : t[..dot];
        var fraction = dot < 0 ? "" : t[(dot + 1)..];
        if (whole.Length == 0) whole = "0";
        if (!whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit) || (dot >= 0 && fraction.Length == 0 && t.Length == 1))
            throw new FormatException($"'{text}' is not a token amount (digits with an optional decimal point)");
        if (fraction.Length > Decimals) throw new FormatException($"'{text}' has more than {Decimals} decimals");
        return BigInteger.Parse(whole, CultureInfo.InvariantCulture) * One
            + (fraction.Length == 0 ? 0 : BigInteger.Parse(fraction.PadRight(Decimals, '0'), CultureInfo.InvariantCulture));
    }

    /// <summary>Wei → "1234.5" (no trailing zeros, no thousands separator).</summary>
    public static string Format(BigInteger wei)
    {
        var sign = wei.Sign < 0 ? "-" : "";
        var abs = BigInteger.Abs(wei);
        var whole = BigInteger.DivRem(abs, One, out var rest);
        var text = whole.ToString(CultureInfo.InvariantCulture);
        if (!rest.IsZero) text += "." + rest.ToString(CultureInfo.InvariantCulture).PadLeft(Decimals, '0').TrimEnd('0');
        return sign + text;
    }

    /// <summary>Wei → "1234.5 DPI".</summary>
    public static string FormatWithSymbol(BigInteger wei) => Format(wei) + " " + Symbol;
}
