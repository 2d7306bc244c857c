using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime.Asc;

/// <summary>
/// Writes an entity (<c>TypedMap&lt;string, Value&gt;</c>, fields sorted by name as graph-node
/// passes them) in one pass over one reserved block of the host arena: the objects, their order,
/// headers and capacities are exactly those of <see cref="AscStoreValues.WriteEntityGeneric"/>
/// (per field: key string, payload, <c>Value</c>, entry; then the entries' buffer, the array and
/// the map), without a call per object. Entities with list or BigDecimal fields take the generic
/// path. Every written <c>Value</c> and key is remembered in the heap's caches, so the fields a
/// mapping saves unchanged are not decoded again.
/// </summary>
internal sealed unsafe class AscEntityWriter
{
    private const int EnumSize = 48;
    private const int EntrySize = 32;
    private const int Uint8ArraySize = 32;
    private const int ArraySize = 48;
    private const int MapSize = 32;

    private string[] _names = new string[32];
    private Value[] _values = new Value[32];
    private int[] _byteCounts = new int[32];

    /// <summary>Writes <paramref name="entity"/>; null when it needs the generic path.</summary>
    public uint? TryWrite(AscHeap heap, Entity entity)
    {
        var count = entity.Count;
        if (count > _names.Length)
        {
            _names = new string[count];
            _values = new Value[count];
            _byteCounts = new int[count];
        }

        var names = _names;
        var values = _values;
        SortNames(entity.FieldNames, names, count);
        var total = ObjectSize(count * 4) + ArraySize + MapSize;
        for (var i = 0; i < count; i++)
        {
            var value = entity[names[i]];
            values[i] = value;
            total += ObjectSize(names[i].Length * 2) + EnumSize + EntrySize;
            switch (value.Kind)
            {
                case ValueKind.String:
                    total += ObjectSize(value.AsString().Length * 2);
                    break;
                case ValueKind.BigInt:
                    var bytes = value.AsBigInt().GetByteCount(isUnsigned: false);
                    _byteCounts[i] = bytes;
                    total += ObjectSize(bytes) + Uint8ArraySize;
                    break;
                case ValueKind.Bytes:
                    total += ObjectSize(value.AsBytes().Length) + Uint8ArraySize;
                    break;
                case ValueKind.Int or ValueKind.Int8 or ValueKind.Timestamp or ValueKind.Bool or ValueKind.Null:
                    break;
                default:
                    Array.Clear(values, 0, count);
                    return null;
            }
        }

        // Class ids first: resolving one may call into the module.
        var stringId = heap.TypeId(AscTypeId.String);
        var bufferId = heap.TypeId(AscTypeId.ArrayBuffer);
        var uint8ArrayId = heap.TypeId(AscTypeId.Uint8Array);
        var valueId = heap.TypeId(AscTypeId.StoreValue);
        var entryId = heap.TypeId(AscTypeId.TypedMapEntryStringStoreValue);
        var arrayId = heap.TypeId(AscTypeId.ArrayTypedMapEntryStringStoreValue);
        var mapId = heap.TypeId(AscTypeId.TypedMapStringStoreValue);

        var at = heap.Reserve(total);
        new Span<byte>(heap.Base + at, total).Clear();
        Span<uint> entries = count <= 64 ? stackalloc uint[count] : new uint[count];
        for (var i = 0; i < count; i++)
        {
            var name = names[i];
            var key = WriteString(heap, ref at, stringId, name);
            heap.Names.Remember(key, name);
            var value = values[i];
            ulong payload;
            switch (value.Kind)
            {
                case ValueKind.String:
                    payload = WriteString(heap, ref at, stringId, value.AsString());
                    break;
                case ValueKind.BigInt:
                    var length = _byteCounts[i];
                    var buffer = Object(heap, ref at, ObjectSize(length), bufferId, length);
                    value.AsBigInt().TryWriteBytes(new Span<byte>(heap.Base + buffer, length), out _, isUnsigned: false, isBigEndian: false);
                    payload = WriteView(heap, ref at, uint8ArrayId, buffer, length);
                    break;
                case ValueKind.Bytes:
                    var span = value.AsBytes().Span;
                    var data = Object(heap, ref at, ObjectSize(span.Length), bufferId, span.Length);
                    span.CopyTo(new Span<byte>(heap.Base + data, span.Length));
                    payload = WriteView(heap, ref at, uint8ArrayId, data, span.Length);
                    break;
                case ValueKind.Int:
                    payload = (ulong)(long)value.AsInt();
                    break;
                case ValueKind.Bool:
                    payload = value.AsBool() ? 1UL : 0UL;
                    break;
                case ValueKind.Null:
                    payload = 0;
                    break;
                default: // Int8, Timestamp
                    payload = (ulong)(value.Kind == ValueKind.Int8 ? value.AsInt8() : value.AsTimestamp());
                    break;
            }

            var valuePtr = Object(heap, ref at, EnumSize, valueId, 16);
            WriteU32(heap, valuePtr, (uint)value.Kind);
            BinaryPrimitives.WriteUInt64LittleEndian(new Span<byte>(heap.Base + valuePtr + 8, 8), payload);
            heap.Values.Remember(valuePtr, value);
            var entry = Object(heap, ref at, EntrySize, entryId, 8);
            WriteU32(heap, entry, key);
            WriteU32(heap, entry + 4, valuePtr);
            entries[i] = entry;
        }

        var entriesBuffer = Object(heap, ref at, ObjectSize(count * 4), bufferId, count * 4);
        for (var i = 0; i < count; i++)
        {
            WriteU32(heap, entriesBuffer + ((uint)i * 4), entries[i]);
        }

        var array = Object(heap, ref at, ArraySize, arrayId, 16);
        WriteU32(heap, array, entriesBuffer);
        WriteU32(heap, array + 4, entriesBuffer);
        WriteU32(heap, array + 8, (uint)(count * 4));
        WriteU32(heap, array + 12, (uint)count);
        var map = Object(heap, ref at, MapSize, mapId, 4);
        WriteU32(heap, map, array);
        Array.Clear(values, 0, count);
        return map;
    }

    /// <summary>Size of a string or buffer object with <paramref name="contentLength"/> bytes: the next power of two of content + header.</summary>
    private static int ObjectSize(int contentLength) => checked((int)BitOperations.RoundUpToPowerOf2((uint)(contentLength + AscHeap.HeaderSize)));

    private static uint Object(AscHeap heap, ref uint at, int size, uint rtId, int contentLength)
    {
        var payload = heap.WriteHeader(at, size, rtId, contentLength);
        at += (uint)size;
        return payload;
    }

    private static uint WriteString(AscHeap heap, ref uint at, uint stringId, string text)
    {
        var bytes = MemoryMarshal.AsBytes(text.AsSpan());
        var ptr = Object(heap, ref at, ObjectSize(bytes.Length), stringId, bytes.Length);
        bytes.CopyTo(new Span<byte>(heap.Base + ptr, bytes.Length));
        return ptr;
    }

    private static uint WriteView(AscHeap heap, ref uint at, uint uint8ArrayId, uint buffer, int length)
    {
        var view = Object(heap, ref at, Uint8ArraySize, uint8ArrayId, 12);
        WriteU32(heap, view, buffer);
        WriteU32(heap, view + 4, buffer);
        WriteU32(heap, view + 8, (uint)length);
        return view;
    }

    private static void WriteU32(AscHeap heap, uint ptr, uint value) =>
        BinaryPrimitives.WriteUInt32LittleEndian(new Span<byte>(heap.Base + ptr, 4), value);

    /// <summary>Insertion sort (ordinal): entities usually come with few fields, often nearly in order.</summary>
    private static void SortNames(IReadOnlyList<string> fieldNames, string[] names, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var name = fieldNames[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(names[j], name) > 0)
            {
                names[j + 1] = names[j];
                j--;
            }

            names[j + 1] = name;
        }
    }
}
