using System.Buffers.Binary;

namespace DePin.Index.Ethereum.Primitives;

/// <summary>A 32-byte hash (block hash, transaction hash, topic). Value type, compared by bytes.</summary>
public readonly struct Hash32 : IEquatable<Hash32>
{
    private readonly ulong _a, _b, _c, _d;

    public static readonly Hash32 Zero;

    public Hash32(ReadOnlySpan<byte> bytes32)
    {
        if (bytes32.Length != 32) throw new ArgumentException($"a hash is 32 bytes, got {bytes32.Length}", nameof(bytes32));
        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes32);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes32[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(bytes32[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(bytes32[24..]);
    }

    public void CopyTo(Span<byte> destination32)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination32, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[24..], _d);
    }

    public byte[] ToArray()
    {
        var b = new byte[32];
        CopyTo(b);
        return b;
    }

    public static Hash32 Parse(string text) =>
        TryParse(text, out var h) ? h : throw new FormatException($"not a 32-byte hex hash: '{Hex.Truncate(text ?? "")}'");

    public static bool TryParse(ReadOnlySpan<char> text, out Hash32 hash)
    {
        Span<byte> buf = stackalloc byte[32];
        if (!Hex.TryDecode(text, buf)) { hash = default; return false; }
        hash = new Hash32(buf);
        return true;
    }

    /// <summary>Keccak-256 of the data.</summary>
    public static Hash32 Of(ReadOnlySpan<byte> data)
    {
        Span<byte> h = stackalloc byte[32];
        Keccak256.Hash(data, h);
        return new Hash32(h);
    }

    /// <summary>Keccak-256 of a UTF-8 string (event and function signatures).</summary>
    public static Hash32 Of(string text) => new(Keccak256.Hash(text));

    public string ToHex()
    {
        Span<byte> raw = stackalloc byte[32];
        CopyTo(raw);
        return Hex.Encode(raw);
    }

    public override string ToString() => ToHex();
    public bool Equals(Hash32 other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;
    public override bool Equals(object? obj) => obj is Hash32 other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(_a, _b, _c, _d);
    public static bool operator ==(Hash32 left, Hash32 right) => left.Equals(right);
    public static bool operator !=(Hash32 left, Hash32 right) => !left.Equals(right);
}
