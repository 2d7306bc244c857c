using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime.Asc;

/// <summary>
/// Strings, buffers, typed arrays and big numbers in the AssemblyScript ≥ 0.19 layouts
/// (graph-node <c>asc_abi/v0_0_5.rs</c>, <c>to_from/</c>).
/// </summary>
internal static class AscPrimitives
{
    /// <summary>graph-node's <c>BigInt::MAX_BITS</c> (131072 · log2 10, + 1).</summary>
    public const int BigIntMaxBits = 435_412;

    /// <summary>
    /// Reads a <c>String</c> (UTF-16LE code units, length = rtSize / 2). Invalid UTF-16 (a lone
    /// surrogate) is an error; NUL characters are removed, as PostgreSQL rejects them.
    /// </summary>
    public static string ReadString(this AscHeap heap, uint ptr)
    {
        var bytes = heap.ReadPayload(ptr);
        if ((bytes.Length & 1) != 0)
        {
            throw HostException.Fail("Attempted to read past end of string content bytes chunk");
        }

        var units = MemoryMarshal.Cast<byte, char>(bytes);
        var hasNul = false;
        for (var i = 0; i < units.Length; i++)
        {
            var c = units[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= units.Length || !char.IsLowSurrogate(units[i + 1]))
                {
                    throw HostException.Fail($"invalid utf-16: lone surrogate found at index {i}");
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                throw HostException.Fail($"invalid utf-16: lone surrogate found at index {i}");
            }
            else if (c == '\0')
            {
                hasNul = true;
            }
        }

        var text = BitConverter.IsLittleEndian ? new string(units) : DecodeBigEndianHost(bytes);
        return hasNul ? text.Replace("\0", string.Empty, StringComparison.Ordinal) : text;
    }

    /// <summary>
    /// Reads a <c>String</c> used as a name (entity type, field): validated like
    /// <see cref="ReadString"/> but interned by the heap.
    /// </summary>
    public static string ReadName(this AscHeap heap, uint ptr)
    {
        var bytes = heap.ReadPayload(ptr);
        if (heap.Names.TryGet(ptr, bytes, out var known))
        {
            return known;
        }

        var units = MemoryMarshal.Cast<byte, char>(bytes);
        if ((bytes.Length & 1) != 0 || !BitConverter.IsLittleEndian || units.Length > 64 || units.ContainsAnyInRange('\uD800', '\uDFFF') || units.Contains('\0'))
        {
            return heap.ReadString(ptr);
        }

        var name = heap.Intern(units);
        heap.Names.Remember(ptr, name);
        return name;
    }

    /// <summary>
    /// <see cref="ReadString"/> through the heap's name cache: an id or text read again at the
    /// same address with the same content is not decoded (nor allocated) again.
    /// </summary>
    public static string ReadCachedString(this AscHeap heap, uint ptr)
    {
        if (heap.Names.TryGet(ptr, heap.ReadPayload(ptr), out var known))
        {
            return known;
        }

        var text = heap.ReadString(ptr);
        heap.Names.Remember(ptr, text);
        return text;
    }

    /// <summary>Writes a <c>String</c>; capacity is rounded up to a power of two as graph-node does.</summary>
    public static uint WriteString(this AscHeap heap, string text)
    {
        var byteLength = checked(text.Length * 2);
        var ptr = heap.Allocate(AscTypeId.String, Capacity(byteLength), byteLength);
        var payload = heap.Payload(ptr, byteLength);
        MemoryMarshal.AsBytes(text.AsSpan()).CopyTo(payload);
        return ptr;
    }

    /// <summary>Reads the bytes of an <c>ArrayBuffer</c>.</summary>
    public static ReadOnlySpan<byte> ReadArrayBuffer(this AscHeap heap, uint ptr) => heap.ReadPayload(ptr);

    /// <summary>Writes an <c>ArrayBuffer</c> holding <paramref name="content"/>.</summary>
    public static uint WriteArrayBuffer(this AscHeap heap, ReadOnlySpan<byte> content)
    {
        var ptr = heap.Allocate(AscTypeId.ArrayBuffer, Capacity(content.Length), content.Length);
        content.CopyTo(heap.Payload(ptr, content.Length));
        return ptr;
    }

    /// <summary>
    /// Reads a <c>Uint8Array</c> (<c>Bytes</c>, <c>Address</c>, <c>BigInt</c>):
    /// <c>{buffer, dataStart, byteLength}</c>, data at <c>dataStart − buffer</c> within the buffer.
    /// </summary>
    public static byte[] ReadUint8Array(this AscHeap heap, uint ptr) => heap.ReadUint8ArraySpan(ptr).ToArray();

    /// <summary>Like <see cref="ReadUint8Array"/>, as a view of the module's memory (valid until the module runs again).</summary>
    public static ReadOnlySpan<byte> ReadUint8ArraySpan(this AscHeap heap, uint ptr)
    {
        var view = heap.ReadObject(ptr, 12, "Uint8Array");
        var buffer = BinaryPrimitives.ReadUInt32LittleEndian(view);
        var dataStart = BinaryPrimitives.ReadUInt32LittleEndian(view[4..]);
        var byteLength = BinaryPrimitives.ReadUInt32LittleEndian(view[8..]);
        AscHeap.CheckNotNull(buffer);
        if (dataStart < buffer)
        {
            throw HostException.Fail($"Subtract overflow on pointer: {dataStart}");
        }

        var content = heap.ReadPayload(buffer);
        var offset = dataStart - buffer;
        if (offset > content.Length)
        {
            throw HostException.Fail($"typed array data start {dataStart} lies outside its buffer at {buffer}");
        }

        var available = content[(int)offset..];
        return available[..(int)Math.Min(byteLength, (uint)available.Length)];
    }

    /// <summary>Writes a <c>Uint8Array</c> over a new buffer holding <paramref name="bytes"/>.</summary>
    public static uint WriteUint8Array(this AscHeap heap, ReadOnlySpan<byte> bytes)
    {
        var buffer = heap.WriteArrayBuffer(bytes);
        var ptr = heap.Allocate(AscTypeId.Uint8Array, 12, 12);
        var view = heap.Payload(ptr, 12);
        BinaryPrimitives.WriteUInt32LittleEndian(view, buffer);
        BinaryPrimitives.WriteUInt32LittleEndian(view[4..], buffer);
        BinaryPrimitives.WriteUInt32LittleEndian(view[8..], (uint)bytes.Length);
        return ptr;
    }

    /// <summary>
    /// Reads a <c>BigInt</c>: little-endian two's-complement bytes; more than
    /// <see cref="BigIntMaxBits"/> bits is an error, as in graph-node.
    /// </summary>
    public static BigInteger ReadBigInt(this AscHeap heap, uint ptr)
    {
        var value = new BigInteger(heap.ReadUint8ArraySpan(ptr), isUnsigned: false, isBigEndian: false);
        CheckBigIntSize(value);
        return value;
    }

    public static void CheckBigIntSize(BigInteger value)
    {
        var bits = BigInteger.Abs(value).GetBitLength() + 1;
        if (bits > BigIntMaxBits)
        {
            throw HostException.Fail($"BigInt is too big, total bits {bits} (max {BigIntMaxBits})");
        }
    }

    /// <summary>Writes a <c>BigInt</c> (minimal two's-complement, little-endian; zero is one 0 byte).</summary>
    public static uint WriteBigInt(this AscHeap heap, BigInteger value)
    {
        Span<byte> small = stackalloc byte[64];
        var count = value.GetByteCount(isUnsigned: false);
        var bytes = count <= small.Length ? small[..count] : new byte[count];
        value.TryWriteBytes(bytes, out _, isUnsigned: false, isBigEndian: false);
        return heap.WriteUint8Array(bytes);
    }

    /// <summary>
    /// Reads a <c>BigDecimal {digits: BigInt, exp: BigInt}</c>; the exponent must lie within
    /// decimal128's range, as graph-node requires.
    /// </summary>
    public static BigDecimal ReadBigDecimal(this AscHeap heap, uint ptr)
    {
        var fields = heap.ReadObject(ptr, 8, "BigDecimal");
        var digitsPtr = Field(fields, 0);
        var expPtr = Field(fields, 1);
        var digits = heap.ReadBigInt(digitsPtr);
        var exp = heap.ReadBigInt(expPtr);
        if (exp < long.MinValue || exp > long.MaxValue)
        {
            throw HostException.Fail($"big decimal exponent `{exp}` is outside the `{BigDecimal.MinExponent}` to `{BigDecimal.MaxExponent}` range");
        }

        var value = new BigDecimal(digits, (long)exp);
        if (value.Exponent < BigDecimal.MinExponent || value.Exponent > BigDecimal.MaxExponent)
        {
            throw HostException.Fail($"big decimal exponent `{value.Exponent}` is outside the `{BigDecimal.MinExponent}` to `{BigDecimal.MaxExponent}` range");
        }

        return value;
    }

    /// <summary>Writes a <c>BigDecimal</c> (digits first, then exponent, as graph-node).</summary>
    public static uint WriteBigDecimal(this AscHeap heap, BigDecimal value)
    {
        var exp = heap.WriteBigInt(value.Exponent);
        var digits = heap.WriteBigInt(value.Digits);
        return heap.WriteStruct(AscTypeId.BigDecimal, [digits, exp]);
    }

    /// <summary>Writes a class instance whose fields are all 32-bit pointers or integers.</summary>
    public static uint WriteStruct(this AscHeap heap, AscTypeId type, ReadOnlySpan<uint> fields)
    {
        var size = fields.Length * 4;
        var ptr = heap.Allocate(type, size, size);
        var payload = heap.Payload(ptr, size);
        for (var i = 0; i < fields.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(payload[(i * 4)..], fields[i]);
        }

        return ptr;
    }

    /// <summary>The 32-bit field <paramref name="index"/> of an object read with <see cref="AscHeap.ReadObject"/>.</summary>
    public static uint Field(ReadOnlySpan<byte> obj, int index) => BinaryPrimitives.ReadUInt32LittleEndian(obj[(index * 4)..]);

    /// <summary>Reads <paramref name="count"/> 32-bit fields of a class instance.</summary>
    public static uint[] ReadStruct(this AscHeap heap, uint ptr, int count, string what)
    {
        var payload = heap.ReadObject(ptr, count * 4, what);
        var fields = new uint[count];
        for (var i = 0; i < count; i++)
        {
            fields[i] = BinaryPrimitives.ReadUInt32LittleEndian(payload[(i * 4)..]);
        }

        return fields;
    }

    /// <summary>Payload length with the spare capacity graph-node adds: next power of two of (len + 20), minus 20.</summary>
    private static int Capacity(int contentLength)
    {
        var total = contentLength + AscHeap.HeaderSize;
        return checked((int)BitOperations.RoundUpToPowerOf2((uint)total)) - AscHeap.HeaderSize;
    }

    private static string DecodeBigEndianHost(ReadOnlySpan<byte> bytes) => System.Text.Encoding.Unicode.GetString(bytes);
}
