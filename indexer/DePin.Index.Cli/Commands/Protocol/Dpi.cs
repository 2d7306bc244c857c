using System.Globalization;
using System.Numerics;
using DePin.Index.Protocol;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>Token amounts on the command line: DPI with 18 decimals (<see cref="TokenAmount"/>), grouped in tables.</summary>
internal static class Dpi
{
    /// <summary>"100", "1.5", "1_000", "1,000", "5 DPI" → wei.</summary>
    /// <exception cref="CliException">not a non-negative decimal with at most 18 decimals.</exception>
    public static BigInteger Parse(string text, string what = "amount")
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim().Replace(",", "", StringComparison.Ordinal);
        if (s.EndsWith(TokenAmount.Symbol, StringComparison.OrdinalIgnoreCase)) s = s[..^TokenAmount.Symbol.Length].TrimEnd();
        try
        {
            return TokenAmount.Parse(s);
        }
        catch (FormatException e)
        {
            throw new CliException($"{what}: {e.Message} (e.g. 100 or 2.5)", e);
        }
    }

    /// <summary>wei → "1234.5" (exact; what --json prints).</summary>
    public static string Format(BigInteger wei) => TokenAmount.Format(wei);

    /// <summary>wei → "1,234.5 DPI" (tables).</summary>
    public static string Display(BigInteger wei)
    {
        var plain = TokenAmount.Format(wei);
        var dot = plain.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? plain : plain[..dot];
        var grouped = BigInteger.Parse(whole, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture);
        return grouped + (dot < 0 ? "" : plain[dot..]) + " " + TokenAmount.Symbol;
    }

    /// <summary>Parts per million → "12.5%".</summary>
    public static string Percent(long ppm) => (ppm / 10_000m).ToString("0.####", CultureInfo.InvariantCulture) + "%";

    /// <summary>Tokens per share in wei (1 DPI for an empty pool), rounded down: exact, unlike a decimal.</summary>
    public static BigInteger PerShare(BigInteger tokens, BigInteger shares) => shares.IsZero ? TokenAmount.One : tokens * TokenAmount.One / shares;
}
