using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime.Asc;

/// <summary>
/// The store <c>Value</c> AscEnum (graph-ts <c>ValueKind</c>) and <c>Entity</c>
/// (<c>TypedMap&lt;string, Value&gt;</c> = <c>{entries: Array&lt;TypedMapEntry{key, value}&gt;}</c>).
/// </summary>
internal static class AscStoreValues
{
    public static Value ReadStoreValue(this AscHeap heap, uint ptr, int depth = 0)
    {
        AscCollections.CheckDepth(++depth);
        var (kind, payload) = heap.ReadEnum(ptr, "Value");
        if (heap.Values.Match(heap, ptr, kind, payload) is { } known)
        {
            return known;
        }

        var value = (ValueKind)kind switch
        {
            ValueKind.String => Value.FromString(heap.ReadString((uint)payload)),
            ValueKind.Int => Value.FromInt((int)payload),
            ValueKind.Int8 => Value.FromInt8((long)payload),
            ValueKind.Timestamp => Value.FromTimestamp((long)payload),
            ValueKind.BigDecimal => Value.FromBigDecimal(heap.ReadBigDecimal((uint)payload)),
            ValueKind.Bool => Value.FromBool(payload != 0),
            ValueKind.Array => Value.FromArray(ReadValueArray(heap, (uint)payload, depth)),
            ValueKind.Null => Value.Null,
            ValueKind.Bytes => Value.FromBytes(heap.ReadUint8ArraySpan((uint)payload)),
            ValueKind.BigInt => Value.FromBigInt(heap.ReadBigInt((uint)payload)),
            _ => throw HostException.Fail($"invalid store value kind {kind}"),
        };
        if (value.Kind != ValueKind.Array)
        {
            heap.Values.Remember(ptr, value);
        }

        return value;
    }

    public static uint WriteStoreValue(this AscHeap heap, Value value)
    {
        ulong payload = value.Kind switch
        {
            ValueKind.String => heap.WriteString(value.AsString()),
            ValueKind.Int => (ulong)(long)value.AsInt(),
            ValueKind.Int8 => (ulong)value.AsInt8(),
            ValueKind.Timestamp => (ulong)value.AsTimestamp(),
            ValueKind.BigDecimal => heap.WriteBigDecimal(value.AsBigDecimal()),
            ValueKind.Bool => value.AsBool() ? 1UL : 0UL,
            ValueKind.Array => WriteValueArray(heap, value.AsArray()),
            ValueKind.Null => 0,
            ValueKind.Bytes => heap.WriteUint8Array(value.AsBytes().Span),
            ValueKind.BigInt => heap.WriteBigInt(value.AsBigInt()),
            _ => throw new InvalidOperationException($"unknown value kind {value.Kind}"),
        };
        var ptr = heap.WriteEnum(AscTypeId.StoreValue, (uint)value.Kind, payload);
        if (value.Kind != ValueKind.Array)
        {
            heap.Values.Remember(ptr, value);
        }

        return ptr;
    }

    /// <summary>Reads an entity map; a key set twice keeps its last value.</summary>
    public static Entity ReadEntity(this AscHeap heap, uint ptr, int depth = 0)
    {
        AscCollections.CheckDepth(++depth);
        var entriesPtr = AscPrimitives.Field(heap.ReadObject(ptr, 4, "TypedMap"), 0);
        // Reading runs no module code, so the memory cannot move while this view is used.
        var entries = heap.ReadArrayContent(entriesPtr, 4, out var count);
        var entity = new Entity(count);
        for (var i = 0; i < count; i++)
        {
            var entryPtr = AscPrimitives.Field(entries, i);
            var entry = heap.ReadObject(entryPtr, 8, "TypedMapEntry");
            var keyPtr = AscPrimitives.Field(entry, 0);
            var valuePtr = AscPrimitives.Field(entry, 1);
            entity.Set(heap.ReadName(keyPtr), heap.ReadStoreValue(valuePtr, depth));
        }

        return entity;
    }

    /// <summary>Writes an entity with its fields sorted by name (graph-node passes <c>sorted_ref()</c>).</summary>
    public static uint WriteEntity(this AscHeap heap, Entity entity) =>
        heap.EntityWriter.TryWrite(heap, entity) ?? heap.WriteEntityGeneric(entity);

    /// <summary>
    /// <see cref="WriteEntity"/> one object at a time: the reference layout, and the path of
    /// entities with list or BigDecimal fields.
    /// </summary>
    public static uint WriteEntityGeneric(this AscHeap heap, Entity entity)
    {
        var count = entity.Count;
        var names = System.Buffers.ArrayPool<string>.Shared.Rent(count);
        try
        {
            var fieldNames = entity.FieldNames;
            for (var i = 0; i < count; i++)
            {
                names[i] = fieldNames[i];
            }

            Array.Sort(names, 0, count, StringComparer.Ordinal);
            Span<uint> entries = count <= 64 ? stackalloc uint[count] : new uint[count];
            for (var i = 0; i < count; i++)
            {
                var key = heap.WriteString(names[i]);
                var value = heap.WriteStoreValue(entity[names[i]]);
                entries[i] = heap.WriteStruct(AscTypeId.TypedMapEntryStringStoreValue, [key, value]);
            }

            var array = heap.WritePointerArray(AscTypeId.ArrayTypedMapEntryStringStoreValue, entries);
            return heap.WriteStruct(AscTypeId.TypedMapStringStoreValue, [array]);
        }
        finally
        {
            Array.Clear(names, 0, count);
            System.Buffers.ArrayPool<string>.Shared.Return(names);
        }
    }

    private static Value[] ReadValueArray(AscHeap heap, uint ptr, int depth)
    {
        var items = heap.ReadPointerArray(ptr);
        var values = new Value[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            values[i] = heap.ReadStoreValue(items[i], depth);
        }

        return values;
    }

    private static uint WriteValueArray(AscHeap heap, IReadOnlyList<Value> values)
    {
        var items = new uint[values.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = heap.WriteStoreValue(values[i]);
        }

        return heap.WritePointerArray(AscTypeId.ArrayStoreValue, items);
    }
}
