using System.Buffers.Binary;
using Wasmtime;

namespace DePin.Index.Runtime.Asc;

/// <summary>
/// The host's view of a module instance's AssemblyScript heap (apiVersion ≥ 0.0.5, AS ≥ 0.19).
/// Reads are bounds-checked against the current memory size and fail with a deterministic
/// <see cref="HostException"/>. Objects are allocated as graph-node allocates them: from arenas
/// of at least 10,000 bytes obtained from the module's <c>allocate</c> export (+12 bytes for
/// the stub allocator's block header), each object being a 20-byte header
/// (<c>mmInfo, gcInfo, gcInfo2, rtId, rtSize</c>) followed by the payload padded to 16 bytes;
/// the returned pointer addresses the payload. The host never frees.
/// </summary>
internal sealed class AscHeap
{
    public const int HeaderSize = 20;
    private const int MinArenaSize = 10_000;

    private readonly Dictionary<int, uint> _typeIds = [];
    private Memory? _memory;
    private Func<int, int>? _allocate;
    private Func<int, int>? _idOfType;
    private int _arenaStart;
    private int _arenaFree;

    /// <summary>Attaches the heap to a (new) instance of the module; type ids stay cached.</summary>
    public void Bind(Memory memory, Func<int, int> allocate, Func<int, int> idOfType)
    {
        _memory = memory;
        _allocate = allocate;
        _idOfType = idOfType;
        ResetArena();
    }

    /// <summary>Forgets the current arena (the module's memory was reset).</summary>
    public void ResetArena()
    {
        _arenaStart = 0;
        _arenaFree = 0;
    }

    public Memory Memory => _memory ?? throw new InvalidOperationException("heap is not bound to an instance");

    public long MemoryLength => Memory.GetLength();

    /// <summary>A read-only view of <paramref name="length"/> bytes at <paramref name="ptr"/>.</summary>
    public ReadOnlySpan<byte> Read(uint ptr, int length)
    {
        if (length < 0 || (ulong)ptr + (ulong)length > (ulong)MemoryLength)
        {
            throw HostException.Fail($"Heap access out of bounds. Offset: {ptr} Size: {length}");
        }

        return Memory.GetSpan(ptr, length);
    }

    public uint ReadU32(uint ptr) => BinaryPrimitives.ReadUInt32LittleEndian(Read(ptr, 4));

    /// <summary>
    /// The payload size (<c>rtSize</c>) of the object at <paramref name="ptr"/>, read from its header.
    /// </summary>
    public uint ReadLength(uint ptr)
    {
        CheckNotNull(ptr);
        if (ptr < 4)
        {
            throw HostException.Fail($"Subtract overflow on pointer: {ptr}");
        }

        return ReadU32(ptr - 4);
    }

    /// <summary>The payload of the object at <paramref name="ptr"/>, <c>rtSize</c> bytes long.</summary>
    public ReadOnlySpan<byte> ReadPayload(uint ptr)
    {
        var length = ReadLength(ptr);
        if (length > int.MaxValue)
        {
            throw HostException.Fail($"Heap access out of bounds. Offset: {ptr} Size: {length}");
        }

        return Read(ptr, (int)length);
    }

    /// <summary>
    /// Reads a class instance of <paramref name="size"/> bytes, requiring its header to declare at
    /// least that size (graph-node: "Size does not match").
    /// </summary>
    public ReadOnlySpan<byte> ReadObject(uint ptr, int size, string what)
    {
        var length = ReadLength(ptr);
        if (length < size)
        {
            throw HostException.Fail($"Size does not match: {what} at {ptr} has {length} bytes, expected {size}");
        }

        return Read(ptr, size);
    }

    public static void CheckNotNull(uint ptr)
    {
        if (ptr == 0)
        {
            throw HostException.Fail(
                "Tried to read AssemblyScript value that is 'null'. Suggestion: look into the function that the error " +
                "happened and add 'log' calls till you find where a 'null' value is being used as non-nullable.");
        }
    }

    /// <summary>
    /// Allocates an object of class <paramref name="type"/> with a payload of
    /// <paramref name="payloadLength"/> bytes (the header's <c>rtSize</c> is
    /// <paramref name="contentLength"/>, which excludes the spare capacity strings and buffers
    /// carry). Returns the payload pointer; the payload is zeroed.
    /// </summary>
    public uint Allocate(AscTypeId type, int payloadLength, int contentLength)
    {
        var padding = (16 - ((HeaderSize + payloadLength) % 16)) % 16;
        var fullLength = payloadLength + padding;
        var total = HeaderSize + fullLength;
        var rtId = TypeId(type);
        var start = RawNew(total);
        var span = Memory.GetSpan(start, total);
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)(16 + fullLength));
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], rtId);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], (uint)contentLength);
        span[HeaderSize..].Clear();
        return (uint)(start + HeaderSize);
    }

    /// <summary>A writable view of an object just allocated.</summary>
    public Span<byte> Payload(uint ptr, int length) => Memory.GetSpan(ptr, length);

    private int RawNew(int size)
    {
        if (size > _arenaFree)
        {
            var arenaSize = Math.Max(size, MinArenaSize);
            var start = _allocate!(arenaSize);

            // The stub allocator returns a block whose 4-byte header is not 16-aligned; skip to the
            // 16-aligned object start, as graph-node does.
            _arenaStart = start + 12;
            _arenaFree = arenaSize - 12;
        }

        var ptr = _arenaStart;
        if (ptr < 0 || (long)ptr + size > MemoryLength)
        {
            throw HostException.Fail($"the module's allocator returned an arena outside its memory ({ptr}+{size})");
        }

        _arenaStart += size;
        _arenaFree -= size;
        return ptr;
    }

    /// <summary>The AssemblyScript class id for <paramref name="type"/>, from the module's <c>id_of_type</c> (cached).</summary>
    public uint TypeId(AscTypeId type)
    {
        if (_typeIds.TryGetValue((int)type, out var id))
        {
            return id;
        }

        id = (uint)_idOfType!((int)type);
        _typeIds[(int)type] = id;
        return id;
    }
}
