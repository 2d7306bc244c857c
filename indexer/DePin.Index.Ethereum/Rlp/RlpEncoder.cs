using System.Collections;
using System.Numerics;
using System.Text;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Rlp;

/// <summary>
/// Recursive Length Prefix encoding (Ethereum Yellow Paper, appendix B). Byte strings and lists; integers
/// are written as minimal big-endian byte strings (zero is the empty string, 0x80).
/// </summary>
public static class RlpEncoder
{
    /// <summary>Encodes a byte string: a single byte below 0x80 is itself, otherwise a length prefix and the bytes.</summary>
    public static byte[] EncodeBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 1 && bytes[0] < 0x80) return [bytes[0]];
        var output = new byte[HeaderLength(bytes.Length) + bytes.Length];
        var offset = WriteHeader(output, bytes.Length, 0x80);
        bytes.CopyTo(output.AsSpan(offset));
        return output;
    }

    /// <summary>Encodes a non-negative integer as its minimal big-endian bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">for a negative value (RLP has no negative integers).</exception>
    public static byte[] EncodeInteger(BigInteger value) => EncodeBytes(ToMinimalBigEndian(value));

    /// <summary>Encodes an unsigned integer as its minimal big-endian bytes.</summary>
    public static byte[] EncodeInteger(ulong value)
    {
        Span<byte> buffer = stackalloc byte[8];
        return EncodeBytes(ToMinimalBigEndian(value, buffer));
    }

    /// <summary>Wraps items that are already RLP-encoded into a list.</summary>
    public static byte[] EncodeList(IEnumerable<byte[]> encodedItems)
    {
        ArgumentNullException.ThrowIfNull(encodedItems);
        var items = encodedItems as IReadOnlyList<byte[]> ?? encodedItems.ToArray();
        var payload = 0;
        foreach (var item in items) payload = checked(payload + item.Length);
        var output = new byte[HeaderLength(payload) + payload];
        var offset = WriteHeader(output, payload, 0xc0);
        foreach (var item in items)
        {
            item.CopyTo(output, offset);
            offset += item.Length;
        }
        return output;
    }

    /// <summary>Wraps items that are already RLP-encoded into a list.</summary>
    public static byte[] EncodeList(params byte[][] encodedItems) => EncodeList((IEnumerable<byte[]>)encodedItems);

    /// <summary>
    /// Encodes a tree: byte[] / ReadOnlyMemory&lt;byte&gt; (bytes), string (its UTF-8 bytes), BigInteger and
    /// non-negative integer types (minimal big-endian), bool (1 or empty), Address (20 bytes), Hash32
    /// (32 bytes), <see cref="RlpItem"/> (re-emitted as decoded), and any other IEnumerable as a list.
    /// </summary>
    /// <exception cref="ArgumentException">null, a negative integer or an unsupported type, with its path.</exception>
    public static byte[] Encode(object value) => Encode(value, "value");

    private static byte[] Encode(object? value, string path) => value switch
    {
        null => throw new ArgumentException($"RLP cannot encode null (at {path})", nameof(value)),
        byte[] bytes => EncodeBytes(bytes),
        ReadOnlyMemory<byte> memory => EncodeBytes(memory.Span),
        Memory<byte> memory => EncodeBytes(memory.Span),
        string text => EncodeBytes(Encoding.UTF8.GetBytes(text)),
        BigInteger big => big.Sign < 0 ? throw Negative(path) : EncodeInteger(big),
        ulong u => EncodeInteger(u),
        uint u => EncodeInteger(u),
        ushort u => EncodeInteger(u),
        byte u => EncodeInteger(u),
        long l => l < 0 ? throw Negative(path) : EncodeInteger((ulong)l),
        int i => i < 0 ? throw Negative(path) : EncodeInteger((ulong)i),
        bool flag => EncodeInteger(flag ? 1UL : 0UL),
        Address address => EncodeBytes(address.ToArray()),
        Hash32 hash => EncodeBytes(hash.ToArray()),
        RlpItem item => item.Encoded.ToArray(),
        IEnumerable list => EncodeList(list.Cast<object?>().Select((child, i) => Encode(child, $"{path}[{i}]")).ToArray()),
        _ => throw new ArgumentException($"RLP cannot encode a {value.GetType().Name} (at {path})", nameof(value)),
    };

    /// <summary>Minimal big-endian bytes of a non-negative integer; zero gives an empty array.</summary>
    public static byte[] ToMinimalBigEndian(BigInteger value)
    {
        if (value.Sign < 0) throw new ArgumentOutOfRangeException(nameof(value), "RLP integers cannot be negative");
        return value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
    }

    private static ReadOnlySpan<byte> ToMinimalBigEndian(ulong value, Span<byte> buffer8)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(buffer8, value);
        var skip = 0;
        while (skip < 8 && buffer8[skip] == 0) skip++;
        return buffer8[skip..];
    }

    private static ArgumentException Negative(string path) =>
        new($"RLP integers cannot be negative (at {path})", "value");

    private static int HeaderLength(int payloadLength) =>
        payloadLength <= 55 ? 1 : 1 + LengthOfLength(payloadLength);

    private static int LengthOfLength(int length)
    {
        var n = 0;
        for (var l = length; l > 0; l >>= 8) n++;
        return n;
    }

    /// <summary>Writes the prefix for a payload (offset 0x80 for strings, 0xc0 for lists); returns its size.</summary>
    private static int WriteHeader(Span<byte> output, int payloadLength, byte offset)
    {
        if (payloadLength <= 55)
        {
            output[0] = (byte)(offset + payloadLength);
            return 1;
        }
        var lengthOfLength = LengthOfLength(payloadLength);
        output[0] = (byte)(offset + 55 + lengthOfLength);
        for (var i = lengthOfLength; i >= 1; i--)
        {
            output[i] = (byte)payloadLength;
            payloadLength >>= 8;
        }
        return 1 + lengthOfLength;
    }
}
