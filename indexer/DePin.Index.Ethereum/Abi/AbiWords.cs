using System.Buffers.Binary;
using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Abi;

/// <summary>Strict reading of single 32-byte ABI words (elementary values, offsets, lengths).</summary>
internal static class AbiWords
{
    public const int WordSize = 32;

    /// <summary>Decodes an elementary type from its 32-byte word, rejecting any non-canonical padding.</summary>
    public static object ReadElementary(AbiType type, ReadOnlySpan<byte> word) => type.Kind switch
    {
        AbiKind.UInt => ReadUInt(word, type.Size),
        AbiKind.Int => ReadInt(word, type.Size),
        AbiKind.Address => ReadAddress(word),
        AbiKind.Bool => ReadBool(word),
        AbiKind.FixedBytes => ReadFixedBytes(word, type.Size),
        _ => throw new InvalidOperationException($"{type} is not an elementary type"),
    };

    public static BigInteger ReadUInt(ReadOnlySpan<byte> word, int bits)
    {
        var pad = WordSize - bits / 8;
        if (word[..pad].ContainsAnyExcept((byte)0))
            throw new AbiException($"uint{bits} value has non-zero bits above bit {bits}: {Hex.Encode(word)}");
        if (!word[..24].ContainsAnyExcept((byte)0))
            return new BigInteger(BinaryPrimitives.ReadUInt64BigEndian(word[24..]));
        return new BigInteger(word[pad..], isUnsigned: true, isBigEndian: true);
    }

    public static BigInteger ReadInt(ReadOnlySpan<byte> word, int bits)
    {
        var pad = WordSize - bits / 8;
        var sign = (word[pad] & 0x80) != 0 ? (byte)0xFF : (byte)0;
        if (word[..pad].ContainsAnyExcept(sign))
            throw new AbiException($"int{bits} value is not sign-extended to 256 bits: {Hex.Encode(word)}");
        var low = (long)BinaryPrimitives.ReadUInt64BigEndian(word[24..]);
        var fitsLong = !word[..24].ContainsAnyExcept(low < 0 ? (byte)0xFF : (byte)0);
        return fitsLong ? new BigInteger(low) : new BigInteger(word[pad..], isUnsigned: false, isBigEndian: true);
    }

    public static Address ReadAddress(ReadOnlySpan<byte> word)
    {
        if (word[..12].ContainsAnyExcept((byte)0))
            throw new AbiException($"address has non-zero upper 12 bytes: {Hex.Encode(word)}");
        return new Address(word[12..]);
    }

    public static bool ReadBool(ReadOnlySpan<byte> word)
    {
        if (word[..31].ContainsAnyExcept((byte)0) || word[31] > 1)
            throw new AbiException($"bool must be 0 or 1, got {Hex.Encode(word)}");
        return word[31] == 1;
    }

    public static byte[] ReadFixedBytes(ReadOnlySpan<byte> word, int length)
    {
        if (word[length..].ContainsAnyExcept((byte)0))
            throw new AbiException($"bytes{length} has non-zero padding after byte {length}: {Hex.Encode(word)}");
        return word[..length].ToArray();
    }

    /// <summary>Reads an offset or length word; anything that is not below 2^31 is rejected by the caller's bounds check.</summary>
    public static long ReadSize(ReadOnlySpan<byte> word)
    {
        if (word[..24].ContainsAnyExcept((byte)0)) return long.MaxValue;
        var v = BinaryPrimitives.ReadUInt64BigEndian(word[24..]);
        return v > int.MaxValue ? long.MaxValue : (long)v;
    }

    /// <summary>Formats a size word for error messages (0x… when it is huge).</summary>
    public static string Describe(ReadOnlySpan<byte> word)
    {
        var v = ReadSize(word);
        return v == long.MaxValue ? new BigInteger(word, isUnsigned: true, isBigEndian: true).ToString() : v.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
