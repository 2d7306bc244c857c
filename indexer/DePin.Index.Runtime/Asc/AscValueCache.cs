using System.Numerics;
using System.Runtime.InteropServices;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime.Asc;

/// <summary>
/// Store values (graph-ts <c>Value</c> objects) the host wrote into or read from the module's
/// memory, by the address of the <c>Value</c> object (direct-mapped, 4,096 slots). When a mapping
/// saves an entity it loaded, most fields still point at the objects <c>store.get</c> wrote: the
/// host then reuses the <see cref="Value"/> instead of decoding (and allocating) it again. A hit
/// requires the same kind and a payload whose bytes in memory equal the cached value's encoding
/// (strings as UTF-16, BigInt as minimal two's-complement, Bytes as is, numbers by value), so a
/// reused address or a payload changed in place is a miss and is decoded as usual. Values are
/// immutable, so sharing them between entities is safe.
/// </summary>
internal sealed class AscValueCache
{
    private const int Slots = 4096;
    private readonly uint[] _addresses = new uint[Slots];
    private readonly Value?[] _values = new Value?[Slots];

    public void Remember(uint ptr, Value value)
    {
        var slot = Slot(ptr);
        _addresses[slot] = ptr;
        _values[slot] = value;
    }

    /// <summary>The cached value of the <c>Value</c> object at <paramref name="ptr"/> (kind and payload as read), or null.</summary>
    public Value? Match(AscHeap heap, uint ptr, uint kind, ulong payload)
    {
        var slot = Slot(ptr);
        var known = _values[slot];
        if (known is null || _addresses[slot] != ptr || (uint)known.Kind != kind)
        {
            return null;
        }

        var same = known.Kind switch
        {
            ValueKind.Int => known.AsInt() == (int)payload,
            ValueKind.Int8 => known.AsInt8() == (long)payload,
            ValueKind.Timestamp => known.AsTimestamp() == (long)payload,
            ValueKind.Bool => known.AsBool() == (payload != 0),
            ValueKind.Null => true,
            ValueKind.String => payload != 0 && MemoryMarshal.AsBytes(known.AsString().AsSpan()).SequenceEqual(heap.ReadPayload((uint)payload)),
            ValueKind.Bytes => payload != 0 && known.AsBytes().Span.SequenceEqual(heap.ReadUint8ArraySpan((uint)payload)),
            ValueKind.BigInt => payload != 0 && SameBigInt(known.AsBigInt(), heap.ReadUint8ArraySpan((uint)payload)),
            _ => false,
        };
        return same ? known : null;
    }

    private static bool SameBigInt(BigInteger value, ReadOnlySpan<byte> bytes)
    {
        var count = value.GetByteCount(isUnsigned: false);
        if (count != bytes.Length || count > 64)
        {
            return false;
        }

        Span<byte> mine = stackalloc byte[count];
        value.TryWriteBytes(mine, out _, isUnsigned: false, isBigEndian: false);
        return mine.SequenceEqual(bytes);
    }

    private static int Slot(uint ptr) => (int)((ptr >> 4) & (Slots - 1));
}
