using System.Buffers.Binary;
using System.Text;

namespace DePin.Index.Ethereum.Primitives;

/// <summary>A 20-byte Ethereum account address. Value type, compared by bytes; prints EIP-55 checksummed.</summary>
public readonly struct Address : IEquatable<Address>, IComparable<Address>
{
    private readonly ulong _a; // bytes 0..7 big-endian
    private readonly ulong _b; // bytes 8..15
    private readonly uint _c;  // bytes 16..19

    public static readonly Address Zero;

    public Address(ReadOnlySpan<byte> bytes20)
    {
        if (bytes20.Length != 20) throw new ArgumentException($"an address is 20 bytes, got {bytes20.Length}", nameof(bytes20));
        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes20);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes20[8..]);
        _c = BinaryPrimitives.ReadUInt32BigEndian(bytes20[16..]);
    }

    public void CopyTo(Span<byte> destination20)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination20, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination20[8..], _b);
        BinaryPrimitives.WriteUInt32BigEndian(destination20[16..], _c);
    }

    public byte[] ToArray()
    {
        var b = new byte[20];
        CopyTo(b);
        return b;
    }

    /// <summary>Parses 0x + 40 hex digits. Mixed case is accepted only when its EIP-55 checksum holds.</summary>
    public static Address Parse(string text)
    {
        if (!TryParse(text, out var address, out var error)) throw new FormatException(error);
        return address;
    }

    public static bool TryParse(string? text, out Address address) => TryParse(text, out address, out _);

    private static bool TryParse(string? text, out Address address, out string error)
    {
        address = default;
        if (text is null) { error = "address is null"; return false; }
        var span = text.AsSpan();
        if (span.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) span = span[2..];
        Span<byte> buf = stackalloc byte[20];
        if (span.Length != 40 || !Hex.TryDecode(span, buf))
        {
            error = $"not a 20-byte hex address: '{Hex.Truncate(text)}'";
            return false;
        }
        address = new Address(buf);
        bool hasUpper = false, hasLower = false;
        foreach (var ch in span)
        {
            if (ch is >= 'a' and <= 'f') hasLower = true;
            else if (ch is >= 'A' and <= 'F') hasUpper = true;
        }
        if (hasUpper && hasLower && address.ToChecksumString().AsSpan(2).SequenceEqual(span) is false)
        {
            error = $"address fails its EIP-55 checksum: '{text}'";
            return false;
        }
        error = "";
        return true;
    }

    /// <summary>EIP-55 mixed-case checksum form.</summary>
    public string ToChecksumString()
    {
        Span<byte> raw = stackalloc byte[20];
        CopyTo(raw);
        var lower = Convert.ToHexStringLower(raw);
        var hash = Keccak256.Hash(Encoding.ASCII.GetBytes(lower));
        var sb = new StringBuilder("0x", 42);
        for (var i = 0; i < 40; i++)
        {
            var nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            sb.Append(nibble >= 8 ? char.ToUpperInvariant(lower[i]) : lower[i]);
        }
        return sb.ToString();
    }

    /// <summary>Lower-case 0x form, as JSON-RPC and The Graph's ids use it.</summary>
    public string ToHex()
    {
        Span<byte> raw = stackalloc byte[20];
        CopyTo(raw);
        return Hex.Encode(raw);
    }

    public override string ToString() => ToChecksumString();
    public bool Equals(Address other) => _a == other._a && _b == other._b && _c == other._c;
    public override bool Equals(object? obj) => obj is Address other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(_a, _b, _c);
    public int CompareTo(Address other)
    {
        var c = _a.CompareTo(other._a);
        if (c != 0) return c;
        c = _b.CompareTo(other._b);
        return c != 0 ? c : _c.CompareTo(other._c);
    }
    public static bool operator ==(Address left, Address right) => left.Equals(right);
    public static bool operator !=(Address left, Address right) => !left.Equals(right);
    public static bool operator <(Address left, Address right) => left.CompareTo(right) < 0;
    public static bool operator >(Address left, Address right) => left.CompareTo(right) > 0;
    public static bool operator <=(Address left, Address right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Address left, Address right) => left.CompareTo(right) >= 0;
}
