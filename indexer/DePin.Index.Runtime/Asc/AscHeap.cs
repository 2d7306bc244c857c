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
internal sealed unsafe class AscHeap
{
    public const int HeaderSize = 20;
    private const int MinArenaSize = 10_000;

    private readonly TypeIdCache _typeIds;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private Memory? _memory;
    private Func<int, int>? _allocate;
    private Func<int, int>? _idOfType;
    private int _arenaStart;
    private int _arenaFree;
    private byte* _base;
    private long _length;

    public AscHeap(TypeIdCache typeIds)
    {
        _typeIds = typeIds;
    }

    /// <summary>Attaches the heap to a (new) instance of the module; type ids stay cached.</summary>
    public void Bind(Memory memory, Func<int, int> allocate, Func<int, int> idOfType)
    {
        _memory = memory;
        _allocate = allocate;
        _idOfType = idOfType;
        ResetArena();
        Refresh();
    }

    /// <summary>
    /// Re-reads the memory's base address and size. Linear memory only moves or grows while
    /// WebAssembly runs, so this is called whenever control comes back from the module: on
    /// entry to every host function, after the host calls <c>allocate</c>/<c>id_of_type</c>,
    /// and before an invocation.
    /// </summary>
    public void Refresh()
    {
        var memory = Memory;
        _base = (byte*)memory.GetPointer();
        _length = memory.GetLength();
    }

    /// <summary>Forgets the current arena (the module's memory was reset).</summary>
    public void ResetArena()
    {
        _arenaStart = 0;
        _arenaFree = 0;
    }

    public Memory Memory => _memory ?? throw new InvalidOperationException("heap is not bound to an instance");

    public long MemoryLength => _length;

    /// <summary>The module's memory base, valid until WebAssembly runs again (see <see cref="Refresh"/>).</summary>
    public byte* Base => _base;

    /// <summary>Value objects written or read recently, by address (see <see cref="AscValueCache"/>).</summary>
    public AscValueCache Values { get; } = new();

    /// <summary>Names (entity types, fields, ids) read or written recently, by address.</summary>
    public AscNameCache Names { get; } = new();

    /// <summary>The one-pass entity writer of this heap (reusable buffers).</summary>
    public AscEntityWriter EntityWriter { get; } = new();

    /// <summary>
    /// Reserves <paramref name="size"/> bytes (a multiple of 16) of the host arena for objects
    /// laid out by the caller with <see cref="WriteHeader"/>; returns the first object's start.
    /// </summary>
    public uint Reserve(int size) => (uint)RawNew(size);

    /// <summary>
    /// Writes the 20-byte header of an object of <paramref name="objectSize"/> bytes (header
    /// included, a multiple of 16) at <paramref name="start"/>; returns its payload pointer.
    /// </summary>
    public uint WriteHeader(uint start, int objectSize, uint rtId, int contentLength)
    {
        var header = _base + start;
        WriteU32(header, (uint)(objectSize - 4));
        WriteU32(header + 4, 0);
        WriteU32(header + 8, 0);
        WriteU32(header + 12, rtId);
        WriteU32(header + 16, (uint)contentLength);
        return start + HeaderSize;
    }

    /// <summary>A read-only view of <paramref name="length"/> bytes at <paramref name="ptr"/>.</summary>
    public ReadOnlySpan<byte> Read(uint ptr, int length)
    {
        if (length < 0 || (ulong)ptr + (ulong)length > (ulong)MemoryLength)
        {
            throw HostException.Fail($"Heap access out of bounds. Offset: {ptr} Size: {length}");
        }

        return new ReadOnlySpan<byte>(_base + ptr, length);
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
        var header = _base + start;
        WriteU32(header, (uint)(16 + fullLength));
        WriteU32(header + 4, 0);
        WriteU32(header + 8, 0);
        WriteU32(header + 12, rtId);
        WriteU32(header + 16, (uint)contentLength);
        new Span<byte>(header + HeaderSize, fullLength).Clear();
        return (uint)(start + HeaderSize);
    }

    private static void WriteU32(byte* at, uint value) =>
        System.Runtime.CompilerServices.Unsafe.WriteUnaligned(at, BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value));

    /// <summary>
    /// A string for a short, frequently repeated text (entity type and field names), shared
    /// across calls instead of allocated every time; at most 4,096 distinct texts are kept.
    /// </summary>
    public string Intern(ReadOnlySpan<char> text)
    {
        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var created = new string(text);
        if (_names.Count < 4096 && text.Length <= 64)
        {
            _names[created] = created;
        }

        return created;
    }

    /// <summary>A writable view of an object just allocated.</summary>
    public Span<byte> Payload(uint ptr, int length) => new(_base + ptr, length);

    private int RawNew(int size)
    {
        if (size > _arenaFree)
        {
            var arenaSize = Math.Max(size, MinArenaSize);
            var start = _allocate!(arenaSize);
            Refresh();

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

    /// <summary>The AssemblyScript class id for <paramref name="type"/>, from the module's <c>id_of_type</c> (cached per module).</summary>
    public uint TypeId(AscTypeId type)
    {
        if (_typeIds.TryGet(type, out var id))
        {
            return id;
        }

        id = (uint)_idOfType!((int)type);
        Refresh();
        _typeIds.Add(type, id);
        return id;
    }
}
