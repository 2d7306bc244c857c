using System.Globalization;
using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Rpc;

/// <summary>
/// JSON-RPC quantities: <c>0x</c> followed by at least one hex digit, big-endian, no sign. Leading zeros are
/// tolerated on input (some nodes write them) and never written. Parsing is strict otherwise: a missing
/// <c>0x</c>, no digits or a non-hex character raise <see cref="FormatException"/> naming the text.
/// </summary>
public static class HexQuantity
{
    /// <summary>Formats a non-negative number as a quantity (<c>0x0</c>, <c>0x1a</c>).</summary>
    public static string Format(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return "0x" + value.ToString("x", CultureInfo.InvariantCulture);
    }

    /// <summary>Formats a non-negative number as a quantity.</summary>
    public static string Format(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>Formats a non-negative big integer as a quantity.</summary>
    public static string Format(BigInteger value)
    {
        if (value.Sign < 0) throw new ArgumentOutOfRangeException(nameof(value), value, "a quantity is never negative");
        if (value.IsZero) return "0x0";
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var hex = Convert.ToHexStringLower(bytes);
        return "0x" + hex.TrimStart('0');
    }

    /// <summary>Parses a quantity that must fit in a signed 64-bit integer.</summary>
    public static long ParseLong(ReadOnlySpan<char> text)
    {
        var value = ParseUInt64(text);
        if (value > long.MaxValue) throw new FormatException($"quantity '{Hex.Truncate(text)}' does not fit in a signed 64-bit integer");
        return (long)value;
    }

    /// <summary>Parses a quantity that must fit in an unsigned 64-bit integer.</summary>
    public static ulong ParseUInt64(ReadOnlySpan<char> text)
    {
        var digits = Digits(text);
        ulong value = 0;
        foreach (var ch in digits)
        {
            if (value > (ulong.MaxValue >> 4))
                throw new FormatException($"quantity '{Hex.Truncate(text)}' does not fit in 64 bits");
            value = (value << 4) | (uint)Nibble(ch, text);
        }
        return value;
    }

    /// <summary>Parses a quantity of any size (balances, difficulty, uint256 values).</summary>
    public static BigInteger ParseBigInteger(ReadOnlySpan<char> text)
    {
        var digits = Digits(text);
        if (digits.Length <= 15) return ParseLong(text);
        foreach (var ch in digits) Nibble(ch, text);
        Span<char> even = digits.Length < 512 ? stackalloc char[digits.Length + 1] : new char[digits.Length + 1];
        var padded = even;
        if ((digits.Length & 1) == 1)
        {
            even[0] = '0';
            digits.CopyTo(even[1..]);
        }
        else
        {
            padded = even[..digits.Length];
            digits.CopyTo(padded);
        }
        var bytes = Convert.FromHexString(padded);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    private static ReadOnlySpan<char> Digits(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith("0x", StringComparison.Ordinal))
            throw new FormatException($"quantity '{Hex.Truncate(text)}' does not start with 0x");
        if (text.Length == 2) throw new FormatException("quantity '0x' has no digits");
        return text[2..];
    }

    private static int Nibble(char ch, ReadOnlySpan<char> text) => ch switch
    {
        >= '0' and <= '9' => ch - '0',
        >= 'a' and <= 'f' => ch - 'a' + 10,
        >= 'A' and <= 'F' => ch - 'A' + 10,
        _ => throw new FormatException($"quantity '{Hex.Truncate(text)}' has a character that is not a hex digit: '{ch}'"),
    };
}
