using System.Numerics;

namespace DePin.Index.Protocol.Internal;

/// <summary>Bitcoin-alphabet base58 (leading zero bytes ↔ leading '1's).</summary>
internal static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var zeros = 0;
        while (zeros < bytes.Length && bytes[zeros] == 0) zeros++;
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var chars = new List<char>();
        while (value > 0)
        {
            value = BigInteger.DivRem(value, 58, out var rem);
            chars.Add(Alphabet[(int)rem]);
        }
        chars.AddRange(Enumerable.Repeat('1', zeros));
        chars.Reverse();
        return new string([.. chars]);
    }

    /// <summary>Null when a character is outside the alphabet.</summary>
    public static byte[]? Decode(string text)
    {
        BigInteger value = 0;
        foreach (var c in text)
        {
            var digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0) return null;
            value = value * 58 + digit;
        }
        var zeros = text.TakeWhile(c => c == '1').Count();
        var body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[zeros], .. body];
    }
}
