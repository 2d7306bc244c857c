using System.Numerics;

namespace DePin.Index.Ethereum.Primitives;

/// <summary>Bitcoin's base58 alphabet (multibase <c>base58btc</c>): CIDv0 deployment ids, graph-ts's <c>toBase58</c>. Leading zero bytes ↔ leading '1's.</summary>
public static class Base58
{
    public const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var zeros = 0;
        while (zeros < bytes.Length && bytes[zeros] == 0)
        {
            zeros++;
        }

        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var digits = new List<char>();
        while (value > 0)
        {
            value = BigInteger.DivRem(value, 58, out var rem);
            digits.Add(Alphabet[(int)rem]);
        }

        digits.AddRange(Enumerable.Repeat('1', zeros));
        digits.Reverse();
        return new string([.. digits]);
    }

    /// <summary>Decodes base58btc; null when a character is outside the alphabet.</summary>
    public static byte[]? Decode(string text)
    {
        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }

        BigInteger value = 0;
        foreach (var c in text)
        {
            var digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return null;
            }

            value = (value * 58) + digit;
        }

        var body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = new byte[zeros + body.Length];
        body.CopyTo(result, zeros);
        return result;
    }
}
