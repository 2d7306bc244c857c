using System.Globalization;
using System.Numerics;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>Token amounts: DPI with 18 decimals on the command line and in output, wei (BigInteger) on chain.</summary>
public static class Dpi
{
    public const string Symbol = "DPI";
    public const int Decimals = 18;
    public static readonly BigInteger One = BigInteger.Pow(10, Decimals);

    /// <summary>"100", "1.5", "0.000000000000000001", "1_000" (underscores and commas ignored) → wei.</summary>
    /// <exception cref="CliException">not a non-negative decimal, or more than 18 decimals.</exception>
    public static BigInteger Parse(string text, string what = "amount")
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim().Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        if (s.EndsWith(Symbol, StringComparison.OrdinalIgnoreCase)) s = s[..^Symbol.Length].TrimEnd();
        var dot = s.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? s : s[..dot];
        var fraction = dot < 0 ? "" : s[(dot + 1)..];
        if ((whole.Length == 0 && fraction.Length == 0) || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
        {
            throw new CliException($"{what} '{text}' is not an amount of {Symbol} (e.g. 100 or 2.5)");
        }
        if (fraction.Length > Decimals) throw new CliException($"{what} '{text}' has more than {Decimals} decimals");
        var wei = BigInteger.Parse(whole.Length == 0 ? "0" : whole, CultureInfo.InvariantCulture) * One;
        if (fraction.Length > 0) wei += BigInteger.Parse(fraction.PadRight(Decimals, '0'), CultureInfo.InvariantCulture);
        return wei;
    }

    /// <summary>wei → "1234.5" (exact, no trailing zeros, no grouping).</summary>
    public static string Format(BigInteger wei)
    {
        var negative = wei.Sign < 0;
        var abs = BigInteger.Abs(wei);
        var whole = BigInteger.DivRem(abs, One, out var rest);
        var text = whole.ToString(CultureInfo.InvariantCulture);
        if (!rest.IsZero) text += "." + rest.ToString(CultureInfo.InvariantCulture).PadLeft(Decimals, '0').TrimEnd('0');
        return negative ? "-" + text : text;
    }

    /// <summary>wei → "1,234.5 DPI" for tables.</summary>
    public static string Display(BigInteger wei)
    {
        var plain = Format(wei);
        var dot = plain.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? plain : plain[..dot];
        var grouped = BigInteger.Parse(whole, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture);
        return grouped + (dot < 0 ? "" : plain[dot..]) + " " + Symbol;
    }

    /// <summary>Parts per million → "12.5%".</summary>
    public static string Percent(BigInteger ppm) =>
        ((decimal)ppm / 10_000m).ToString("0.####", CultureInfo.InvariantCulture) + "%";
}
