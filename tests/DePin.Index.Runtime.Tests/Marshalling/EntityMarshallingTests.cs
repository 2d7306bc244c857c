using System.Numerics;
using DePin.Index.Runtime.Asc;
using DePin.Index.Subgraph.Values;
using Wasmtime;
using RtStore = Wasmtime.Store;
using ValueKind = DePin.Index.Subgraph.Values.ValueKind;

namespace DePin.Index.Runtime.Tests.Marshalling;

/// <summary>
/// The one-pass entity writer against the object-at-a-time reference writer (same bytes at the same
/// addresses), and the value/name caches that let <c>store.set</c> skip decoding fields a mapping saves
/// unchanged: a hit must never hide a change made in memory.
/// </summary>
public sealed class EntityMarshallingTests : IDisposable
{
    private readonly Engine _engine = new();
    private readonly RtStore _store;
    private readonly Memory _memory;
    private readonly Global _heapTop;
    private readonly AscHeap _heap = new(new TypeIdCache());

    public EntityMarshallingTests()
    {
        _store = new RtStore(_engine);
        using var module = Module.FromText(_engine, "heap", """
            (module
              (memory (export "memory") 4)
              (global $heap (export "top") (mut i32) (i32.const 1024))
              (func (export "allocate") (param $size i32) (result i32)
                (local $ptr i32)
                (local.set $ptr (global.get $heap))
                (global.set $heap (i32.add (global.get $heap) (i32.and (i32.add (local.get $size) (i32.const 15)) (i32.const -16))))
                (local.get $ptr))
              (func (export "id_of_type") (param i32) (result i32) (i32.add (local.get 0) (i32.const 100))))
            """);
        var instance = new Instance(_store, module);
        _memory = instance.GetMemory("memory")!;
        _heapTop = instance.GetGlobal("top")!;
        _heap.Bind(_memory, instance.GetFunction<int, int>("allocate")!, instance.GetFunction<int, int>("id_of_type")!);
    }

    public static TheoryData<string> Entities => ["scalars", "many", "empty", "wide"];

    [Theory]
    [MemberData(nameof(Entities))]
    public void One_pass_writer_lays_out_the_bytes_of_the_reference_writer(string name)
    {
        var entity = Sample(name);
        var (fastPtr, fast) = WriteFresh(() => _heap.EntityWriter.TryWrite(_heap, entity) ?? throw new InvalidOperationException("generic path taken"));
        var (referencePtr, reference) = WriteFresh(() => _heap.WriteEntityGeneric(entity));

        Assert.Equal(referencePtr, fastPtr);
        Assert.Equal(reference, fast);
        Assert.Equal(entity, _heap.ReadEntity(fastPtr));
    }

    [Fact]
    public void Lists_and_big_decimals_take_the_reference_path()
    {
        var entity = new Entity { ["id"] = Value.FromString("x"), ["list"] = Value.FromArray([Value.FromInt(1)]) };
        Assert.Null(_heap.EntityWriter.TryWrite(_heap, entity));
        entity = new Entity { ["id"] = Value.FromString("x"), ["d"] = Value.FromBigDecimal(BigDecimal.Parse("1.5")) };
        Assert.Null(_heap.EntityWriter.TryWrite(_heap, entity));
        Assert.Equal(entity, _heap.ReadEntity(_heap.WriteEntity(entity)));
    }

    [Fact]
    public void A_field_read_back_unchanged_is_the_cached_value()
    {
        var entity = Sample("scalars");
        var ptr = _heap.WriteEntity(entity);
        var read = _heap.ReadEntity(ptr);
        Assert.Equal(entity, read);
        Assert.Same(entity["count"], read["count"]);
        Assert.Same(entity["name"], read["name"]);
        Assert.Same(entity["owner"], read["owner"]);
    }

    [Theory]
    [InlineData("count", ValueKind.BigInt)]
    [InlineData("name", ValueKind.String)]
    [InlineData("owner", ValueKind.Bytes)]
    [InlineData("small", ValueKind.Int)]
    [InlineData("big", ValueKind.Int8)]
    public void A_payload_changed_in_memory_is_decoded_again(string field, ValueKind kind)
    {
        var entity = Sample("scalars");
        var ptr = _heap.WriteEntity(entity);
        var valuePtr = ValuePointer(ptr, field);
        var payload = BitConverter.ToUInt32(Bytes(valuePtr + 8, 4));
        switch (kind)
        {
            case ValueKind.Int or ValueKind.Int8:
                Poke(valuePtr + 8, 7); // the number itself, in the Value object
                break;
            case ValueKind.String:
                Poke(payload, (byte)'Z'); // first UTF-16 unit
                break;
            default:
                Poke(BitConverter.ToUInt32(Bytes(payload, 4)), 0x7f); // first byte of the view's buffer
                break;
        }

        var read = _heap.ReadEntity(ptr);
        Assert.NotEqual(entity[field], read[field]);
        Assert.Equal(kind, read[field].Kind);
        foreach (var other in entity.FieldNames.Where(f => f != field))
        {
            Assert.Equal(entity[other], read[other]);
        }
    }

    [Fact]
    public void A_name_changed_in_memory_is_read_again()
    {
        var entity = new Entity { ["id"] = Value.FromString("a"), ["name"] = Value.FromString("b") };
        var ptr = _heap.WriteEntity(entity);
        var entry = BitConverter.ToUInt32(Bytes(BitConverter.ToUInt32(Bytes(BitConverter.ToUInt32(Bytes(ptr, 4)), 4)) + 4, 4));
        var key = BitConverter.ToUInt32(Bytes(entry, 4));
        Poke(key, (byte)'x'); // "name" → "xame"
        var read = _heap.ReadEntity(ptr);
        Assert.True(read.Contains("xame"));
        Assert.False(read.Contains("name"));
    }

    private static Entity Sample(string name) => name switch
    {
        "scalars" => new Entity
        {
            ["name"] = Value.FromString("Device nº 7 ✓"),
            ["id"] = Value.FromString("7"),
            ["count"] = Value.FromBigInt(BigInteger.Parse("-123456789012345678901234567890")),
            ["owner"] = Value.FromBytes(Convert.FromHexString("f39fd6e51aad88f6f4ce6ab8827279cfffb92266")),
            ["small"] = Value.FromInt(-5),
            ["big"] = Value.FromInt8(long.MaxValue),
            ["at"] = Value.FromTimestamp(1_700_000_000_000_000),
            ["active"] = Value.True,
            ["none"] = Value.Null,
            ["zero"] = Value.FromBigInt(BigInteger.Zero),
            ["empty"] = Value.FromString(""),
            ["noBytes"] = Value.FromBytes([]),
        },
        "many" => new Entity(Enumerable.Range(0, 40).Select(i =>
            KeyValuePair.Create($"f{39 - i:D2}", i % 2 == 0 ? Value.FromBigInt(BigInteger.Pow(7, i)) : Value.FromString(new string('s', i * 3))))),
        "empty" => new Entity(),
        _ => new Entity { ["id"] = Value.FromString("w"), ["blob"] = Value.FromBytes(Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray()) },
    };

    /// <summary>Writes into a reset memory and allocator; returns the pointer and the bytes used.</summary>
    private (uint Ptr, byte[] Bytes) WriteFresh(Func<uint> write)
    {
        _memory.GetSpan(0, (int)_memory.GetLength()).Clear();
        _heapTop.SetValue(1024);
        _heap.ResetArena();
        _heap.Refresh();
        var ptr = write();
        var top = (int)_heapTop.GetValue()!;
        return (ptr, _memory.GetSpan(0, top).ToArray());
    }

    private uint ValuePointer(uint entityPtr, string field)
    {
        var array = BitConverter.ToUInt32(Bytes(entityPtr, 4));
        var buffer = BitConverter.ToUInt32(Bytes(array + 4, 4));
        var count = BitConverter.ToInt32(Bytes(array + 12, 4));
        for (var i = 0; i < count; i++)
        {
            var entry = BitConverter.ToUInt32(Bytes(buffer + (uint)(i * 4), 4));
            if (_heap.ReadString(BitConverter.ToUInt32(Bytes(entry, 4))) == field)
            {
                return BitConverter.ToUInt32(Bytes(entry + 4, 4));
            }
        }

        throw new KeyNotFoundException(field);
    }

    private byte[] Bytes(uint at, int length) => _memory.GetSpan((int)at, length).ToArray();

    private void Poke(uint at, byte value) => _memory.GetSpan((int)at, 1)[0] = value;

    public void Dispose()
    {
        _store.Dispose();
        _engine.Dispose();
    }
}
