using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Rlp;

/// <summary>
/// One decoded RLP item: a byte string or a list of items. Slices the decoder's input (no copies).
/// The typed accessors are strict and throw <see cref="RlpException"/> naming what they expected.
/// </summary>
public sealed class RlpItem
{
    private readonly ReadOnlyMemory<byte> _payload;
    private readonly IReadOnlyList<RlpItem>? _items;

    internal RlpItem(ReadOnlyMemory<byte> encoded, ReadOnlyMemory<byte> payload, IReadOnlyList<RlpItem>? items, int offset)
    {
        Encoded = encoded;
        _payload = payload;
        _items = items;
        Offset = offset;
    }

    /// <summary>True for a list, false for a byte string.</summary>
    public bool IsList => _items is not null;

    /// <summary>The item's complete encoding (prefix and payload).</summary>
    public ReadOnlyMemory<byte> Encoded { get; }

    /// <summary>Where the item starts in the decoder's input.</summary>
    public int Offset { get; }

    /// <summary>The bytes of a byte string.</summary>
    /// <exception cref="RlpException">when the item is a list.</exception>
    public ReadOnlyMemory<byte> Bytes => _items is null ? _payload : throw Expected("a byte string", "a list");

    /// <summary>The children of a list.</summary>
    /// <exception cref="RlpException">when the item is a byte string.</exception>
    public IReadOnlyList<RlpItem> Items => _items ?? throw Expected("a list", "a byte string");

    /// <summary>The children of a list that must have exactly <paramref name="count"/> items.</summary>
    public IReadOnlyList<RlpItem> ItemsOfCount(int count, string what)
    {
        var items = Items;
        if (items.Count != count)
            throw new RlpException($"RLP: {what} must be a list of {count} items, got {items.Count} (at byte {Offset})");
        return items;
    }

    /// <summary>A non-negative integer: minimal big-endian, so no leading zero byte (zero is the empty string).</summary>
    public BigInteger ToBigInteger(int maxBytes = 32)
    {
        var bytes = Bytes.Span;
        if (bytes.Length > 0 && bytes[0] == 0)
            throw new RlpException($"RLP: integer has a leading zero byte (non-canonical, at byte {Offset})");
        if (bytes.Length > maxBytes)
            throw new RlpException($"RLP: integer of {bytes.Length} bytes exceeds {maxBytes} bytes (at byte {Offset})");
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>An integer that fits in 64 bits, minimal big-endian.</summary>
    public ulong ToUInt64() => (ulong)ToBigInteger(8);

    /// <summary>A 20-byte address.</summary>
    public Address ToAddress()
    {
        var bytes = Bytes.Span;
        if (bytes.Length != 20) throw new RlpException($"RLP: an address is 20 bytes, got {bytes.Length} (at byte {Offset})");
        return new Address(bytes);
    }

    /// <summary>A 20-byte address, or null for the empty string (a contract creation's "to").</summary>
    public Address? ToOptionalAddress() => Bytes.Length == 0 ? null : ToAddress();

    /// <summary>A 32-byte hash.</summary>
    public Hash32 ToHash32()
    {
        var bytes = Bytes.Span;
        if (bytes.Length != 32) throw new RlpException($"RLP: a hash is 32 bytes, got {bytes.Length} (at byte {Offset})");
        return new Hash32(bytes);
    }

    public override string ToString() =>
        IsList ? $"[{string.Join(", ", Items)}]" : Hex.Encode(Bytes.Span);

    private RlpException Expected(string expected, string actual) =>
        new($"RLP: expected {expected}, got {actual} (at byte {Offset})");
}
