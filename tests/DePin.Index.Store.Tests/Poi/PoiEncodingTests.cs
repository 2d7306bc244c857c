using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using DePin.Index.Store.Internal;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Store.Tests.Poi;

/// <summary>
/// The POI event encoding (written into one shared buffer, without a stream or array per event) against a plain
/// transcription of the documented format, for every value kind, multi-byte and negative numbers and non-ASCII text.
/// </summary>
public sealed class PoiEncodingTests
{
    public static TheoryData<string> Cases => ["numbers", "text", "lists", "remove", "nulls"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encoding_is_the_documented_format(string name)
    {
        var m = Case(name);
        Assert.Equal(Reference(m), PoiEncoding.Event(m));
    }

    [Fact]
    public void Events_appended_to_one_buffer_are_each_encoding_in_turn()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        byte[] expected = [];
        foreach (var name in new[] { "numbers", "text", "remove", "lists" })
        {
            PoiEncoding.Write(buffer, Case(name));
            expected = [.. expected, .. Reference(Case(name))];
        }

        Assert.Equal(expected, buffer.WrittenSpan.ToArray());
    }

    private static EntityModification Case(string name) => name switch
    {
        "numbers" => EntityModification.Insert("Device", "7", new Entity
        {
            ["id"] = Value.FromString("7"),
            ["big"] = Value.FromBigInt(BigInteger.Parse("-98765432109876543210987654321")),
            ["pos"] = Value.FromBigInt(new BigInteger(0x8000)),
            ["zero"] = Value.FromBigInt(BigInteger.Zero),
            ["i"] = Value.FromInt(-2),
            ["i8"] = Value.FromInt8(long.MinValue + 3),
            ["at"] = Value.FromTimestamp(1_700_000_000_123_456),
            ["yes"] = Value.True,
            ["d"] = Value.FromBigDecimal(BigDecimal.Parse("-12345.6789")),
        }, 3),
        "text" => EntityModification.Overwrite("Ünïcode", "0xabcd", new Entity
        {
            ["id"] = Value.FromBytes([0xab, 0xcd]),
            ["näme"] = Value.FromString("天気 ✓"),
            ["a"] = Value.FromString(""),
            ["raw"] = Value.FromBytes(Enumerable.Range(0, 300).Select(i => (byte)i).ToArray()),
        }, 3),
        "lists" => EntityModification.Insert("L", "x", new Entity
        {
            ["id"] = Value.FromString("x"),
            ["items"] = Value.FromArray([Value.FromInt(1), Value.FromBigInt(-300), Value.FromArray([Value.FromString("in")])]),
        }, 3),
        "remove" => EntityModification.Remove("Owner", "0x01", 3),
        _ => EntityModification.Insert("N", "n", new Entity { ["id"] = Value.FromString("n"), ["gone"] = Value.Null, ["kept"] = Value.FromInt(1) }, 3),
    };

    /// <summary>The format as documented on <see cref="ProofOfIndexing"/>, written out plainly.</summary>
    private static byte[] Reference(EntityModification m)
    {
        var s = new List<byte>();
        void U32(int n)
        {
            var b = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(b, n);
            s.AddRange(b);
        }

        void Str(string text)
        {
            U32(Encoding.UTF8.GetByteCount(text));
            s.AddRange(Encoding.UTF8.GetBytes(text));
        }

        void Big(BigInteger b)
        {
            var bytes = b.ToByteArray(isUnsigned: false, isBigEndian: true);
            U32(bytes.Length);
            s.AddRange(bytes);
        }

        void Val(Value v)
        {
            s.Add((byte)v.Kind);
            var n = new byte[8];
            switch (v.Kind)
            {
                case ValueKind.String: Str(v.AsString()); break;
                case ValueKind.Int: BinaryPrimitives.WriteInt32BigEndian(n, v.AsInt()); s.AddRange(n[..4]); break;
                case ValueKind.Int8: BinaryPrimitives.WriteInt64BigEndian(n, v.AsInt8()); s.AddRange(n); break;
                case ValueKind.Timestamp: BinaryPrimitives.WriteInt64BigEndian(n, v.AsTimestamp()); s.AddRange(n); break;
                case ValueKind.Bool: s.Add(v.AsBool() ? (byte)1 : (byte)0); break;
                case ValueKind.Bytes: U32(v.AsBytes().Length); s.AddRange(v.AsBytes().ToArray()); break;
                case ValueKind.BigInt: Big(v.AsBigInt()); break;
                case ValueKind.BigDecimal:
                    Big(v.AsBigDecimal().Digits);
                    BinaryPrimitives.WriteInt64BigEndian(n, v.AsBigDecimal().Exponent);
                    s.AddRange(n);
                    break;
                case ValueKind.Array:
                    U32(v.AsArray().Count);
                    foreach (var item in v.AsArray()) Val(item);
                    break;
            }
        }

        var remove = m.Kind == ModificationKind.Remove;
        s.Add(remove ? (byte)2 : (byte)1);
        Str(m.EntityType);
        Str(m.Id);
        if (!remove)
        {
            var fields = m.Entity!.Where(f => !f.Value.IsNull).OrderBy(f => Encoding.UTF8.GetBytes(f.Key), Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b))).ToList();
            U32(fields.Count);
            foreach (var (key, value) in fields)
            {
                Str(key);
                Val(value);
            }
        }

        return [.. s];
    }
}
