using System.Buffers.Binary;

namespace DePin.Index.Runtime.Asc;

/// <summary>
/// <c>Array&lt;T&gt;</c> (<c>{buffer, dataStart, byteLength, length}</c>), <c>AscEnum</c>
/// (<c>{kind: u32, _padding: u32, payload: u64}</c>) and <c>Wrapped&lt;bool&gt;</c>.
/// </summary>
internal static class AscCollections
{
    /// <summary>Maximum nesting of values read from a mapping (graph-node's <c>MAX_RECURSION_DEPTH</c>).</summary>
    public const int MaxDepth = 128;

    /// <summary>Reads the elements of an <c>Array&lt;T&gt;</c> of 32-bit values (pointers).</summary>
    public static uint[] ReadPointerArray(this AscHeap heap, uint ptr)
    {
        var content = heap.ReadArrayContent(ptr, 4, out var count);
        var items = new uint[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = BinaryPrimitives.ReadUInt32LittleEndian(content[(i * 4)..]);
        }

        return items;
    }

    /// <summary>
    /// The element bytes of an array: up to <c>length</c> whole elements from <c>dataStart</c>
    /// (fewer if the buffer is shorter, as graph-node reads them).
    /// </summary>
    public static ReadOnlySpan<byte> ReadArrayContent(this AscHeap heap, uint ptr, int elementSize, out int count)
    {
        var header = heap.ReadObject(ptr, 16, "Array");
        var buffer = BinaryPrimitives.ReadUInt32LittleEndian(header);
        var dataStart = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        var length = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
        AscHeap.CheckNotNull(buffer);
        if (dataStart < buffer)
        {
            throw HostException.Fail($"Subtract overflow on pointer: {dataStart}");
        }

        var content = heap.ReadPayload(buffer);
        var offset = dataStart - buffer;
        if (offset > content.Length)
        {
            throw HostException.Fail($"array data start {dataStart} lies outside its buffer at {buffer}");
        }

        var available = content[(int)offset..];
        count = (int)Math.Min(length, (uint)(available.Length / elementSize));
        if (count < length && available.Length % elementSize != 0)
        {
            throw HostException.Fail("Attempted to read past end of array");
        }

        return available[..(count * elementSize)];
    }

    /// <summary>Writes an <c>Array&lt;T&gt;</c> of 32-bit values of class <paramref name="type"/>.</summary>
    public static uint WritePointerArray(this AscHeap heap, AscTypeId type, ReadOnlySpan<uint> items)
    {
        var byteLength = items.Length * 4;
        Span<byte> small = stackalloc byte[256];
        var bytes = byteLength <= small.Length ? small[..byteLength] : new byte[byteLength];
        for (var i = 0; i < items.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes[(i * 4)..], items[i]);
        }

        return heap.WriteArray(type, bytes, items.Length);
    }

    /// <summary>Writes an <c>Array&lt;T&gt;</c> whose element bytes are <paramref name="content"/>.</summary>
    public static uint WriteArray(this AscHeap heap, AscTypeId type, ReadOnlySpan<byte> content, int length)
    {
        var buffer = heap.WriteArrayBuffer(content);
        return heap.WriteStruct(type, [buffer, buffer, (uint)content.Length, (uint)length]);
    }

    /// <summary>Reads an <c>AscEnum</c>: its kind and 64-bit payload.</summary>
    public static (uint Kind, ulong Payload) ReadEnum(this AscHeap heap, uint ptr, string what)
    {
        var bytes = heap.ReadObject(ptr, 16, what);
        return (BinaryPrimitives.ReadUInt32LittleEndian(bytes), BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]));
    }

    /// <summary>Writes an <c>AscEnum</c> of class <paramref name="type"/>.</summary>
    public static uint WriteEnum(this AscHeap heap, AscTypeId type, uint kind, ulong payload)
    {
        var ptr = heap.Allocate(type, 16, 16);
        var bytes = heap.Payload(ptr, 16);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, kind);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], payload);
        return ptr;
    }

    /// <summary>Writes a <c>Wrapped&lt;bool&gt;</c> (a one-byte payload).</summary>
    public static uint WriteWrappedBool(this AscHeap heap, bool value)
    {
        var ptr = heap.Allocate(AscTypeId.WrappedBool, 1, 1);
        heap.Payload(ptr, 1)[0] = value ? (byte)1 : (byte)0;
        return ptr;
    }

    public static void CheckDepth(int depth)
    {
        if (depth > MaxDepth)
        {
            throw HostException.Fail($"Maximum recursion depth of {MaxDepth} exceeded while reading a value from the mapping");
        }
    }
}
