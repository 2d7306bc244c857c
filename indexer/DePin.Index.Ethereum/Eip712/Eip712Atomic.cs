using System.Globalization;
using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Eip712;

/// <summary>
/// ABI-style 32-byte words for EIP-712's atomic types (uintN, intN, address, bool, bytesN) and the hashes
/// of its dynamic ones (string, bytes). Values may be .NET values or the strings/numbers JSON carries.
/// </summary>
internal static class Eip712Atomic
{
    /// <summary>Whether the name is an atomic or dynamic type (not a struct); checks widths.</summary>
    public static bool IsBuiltIn(string type, out string? error)
    {
        error = null;
        if (type is "address" or "bool" or "string" or "bytes") return true;
        if (TryIntegerWidth(type, out _, out var intError)) return true;
        if (intError is not null) { error = intError; return false; }
        if (type.StartsWith("bytes", StringComparison.Ordinal) && TryWidth(type.AsSpan(5), out var n))
        {
            if (n is >= 1 and <= 32) return true;
            error = $"'{type}' is not a valid type: bytesN needs 1 ≤ N ≤ 32";
            return false;
        }
        return false;
    }

    /// <summary>Encodes one atomic or dynamic value into <paramref name="word"/> (32 bytes).</summary>
    public static void Encode(string type, object? value, string path, Span<byte> word)
    {
        if (value is null) throw new Eip712Exception($"{path}: missing value for {type}");
        word.Clear();
        switch (type)
        {
            case "string":
                if (value is not string text) throw WrongKind(path, type, value);
                Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(text), word);
                return;
            case "bytes":
                Keccak256.Hash(ToBytes(value, path, type), word);
                return;
            case "bool":
                word[31] = value switch
                {
                    bool b => b ? (byte)1 : (byte)0,
                    _ => throw WrongKind(path, type, value),
                };
                return;
            case "address":
                AddressOf(value, path).CopyTo(word[12..]);
                return;
        }
        if (TryIntegerWidth(type, out var bits, out _))
        {
            var signed = type[0] == 'i';
            var number = ToInteger(value, path, type);
            var min = signed ? -(BigInteger.One << (bits - 1)) : BigInteger.Zero;
            var max = signed ? (BigInteger.One << (bits - 1)) - 1 : (BigInteger.One << bits) - 1;
            if (number < min || number > max) throw new Eip712Exception($"{path}: {number} is out of range for {type}");
            if (number.Sign < 0) number += BigInteger.One << 256; // two's complement in 256 bits
            var raw = number.ToByteArray(isUnsigned: true, isBigEndian: true);
            if (!number.IsZero) raw.CopyTo(word[(32 - raw.Length)..]);
            return;
        }
        // bytesN: right-padded; the value must have exactly N bytes.
        var size = int.Parse(type.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture);
        var bytes = value is Hash32 hash ? hash.ToArray() : ToBytes(value, path, type);
        if (bytes.Length != size) throw new Eip712Exception($"{path}: {type} needs exactly {size} bytes, got {bytes.Length}");
        bytes.CopyTo(word);
    }

    /// <summary>"uintN"/"intN" with N a multiple of 8 in 8..256; plain "uint"/"int" mean 256 bits.</summary>
    private static bool TryIntegerWidth(string type, out int bits, out string? error)
    {
        bits = 0;
        error = null;
        ReadOnlySpan<char> digits;
        if (type.StartsWith("uint", StringComparison.Ordinal)) digits = type.AsSpan(4);
        else if (type.StartsWith("int", StringComparison.Ordinal)) digits = type.AsSpan(3);
        else return false;
        if (digits.IsEmpty)
        {
            bits = 256;
            return true;
        }
        if (!TryWidth(digits, out bits)) return false; // e.g. a struct named "integer"
        if (bits is >= 8 and <= 256 && bits % 8 == 0) return true;
        error = $"'{type}' is not a valid type: the width must be a multiple of 8 from 8 to 256";
        return false;
    }

    /// <summary>
    /// True when the suffix is all digits (then it is meant as a width); the width is -1 when it has a leading
    /// zero or is absurdly long, so the caller reports it as invalid.
    /// </summary>
    private static bool TryWidth(ReadOnlySpan<char> digits, out int width)
    {
        width = -1;
        if (digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9')) return false;
        if (digits[0] != '0' && digits.Length <= 4) width = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    private static BigInteger ToInteger(object value, string path, string type)
    {
        switch (value)
        {
            case BigInteger b: return b;
            case int or long or short or sbyte: return Convert.ToInt64(value, CultureInfo.InvariantCulture);
            case uint or ulong or ushort or byte: return Convert.ToUInt64(value, CultureInfo.InvariantCulture);
            case string s:
                var negative = s.StartsWith('-');
                var digits = negative ? s.AsSpan(1) : s.AsSpan();
                BigInteger parsed;
                if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && digits.Length > 2
                    && BigInteger.TryParse(string.Concat("0", digits[2..]), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out parsed))
                {
                    return negative ? -parsed : parsed;
                }
                if (digits.Length > 0 && char.IsAsciiDigit(digits[0])
                    && BigInteger.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out parsed))
                {
                    return negative ? -parsed : parsed;
                }
                throw new Eip712Exception($"{path}: '{Hex.Truncate(s)}' is not an integer for {type} (decimal or 0x hex)");
            default:
                throw WrongKind(path, type, value);
        }
    }

    private static byte[] ToBytes(object value, string path, string type) => value switch
    {
        byte[] b => b,
        ReadOnlyMemory<byte> m => m.ToArray(),
        Memory<byte> m => m.ToArray(),
        string s when s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) => DecodeHex(s, path, type),
        string s => throw new Eip712Exception($"{path}: {type} must be 0x-prefixed hex, got '{Hex.Truncate(s)}'"),
        _ => throw WrongKind(path, type, value),
    };

    private static byte[] DecodeHex(string s, string path, string type)
    {
        if ((s.Length & 1) == 1) throw new Eip712Exception($"{path}: {type} hex has an odd number of digits");
        try
        {
            return Hex.Decode(s);
        }
        catch (FormatException ex)
        {
            throw new Eip712Exception($"{path}: {type} is not valid hex: '{Hex.Truncate(s)}'", ex);
        }
    }

    private static Address AddressOf(object value, string path)
    {
        switch (value)
        {
            case Address a: return a;
            case byte[] { Length: 20 } b: return new Address(b);
            case string s:
                try
                {
                    return Address.Parse(s);
                }
                catch (FormatException ex)
                {
                    throw new Eip712Exception($"{path}: {ex.Message}", ex);
                }
            default:
                throw WrongKind(path, "address", value);
        }
    }

    private static Eip712Exception WrongKind(string path, string type, object value) =>
        new($"{path}: a {value.GetType().Name} cannot be a {type}");
}
