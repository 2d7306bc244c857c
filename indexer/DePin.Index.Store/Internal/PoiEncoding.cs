using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Store.Internal;

/// <summary>
/// The canonical byte encoding of proof-of-indexing events. A value is its kind byte (graph-ts numbering,
/// <see cref="ValueKind"/>) and then: String: str; Int: i32; Int8 and Timestamp: i64; Bool: one byte 0/1;
/// Bytes: u32 length ‖ bytes; BigInt: u32 length ‖ minimal big-endian two's complement; BigDecimal: the
/// normalised digits as a BigInt ‖ i64 exponent; Null: nothing; Array: u32 count ‖ each value. All
/// integers are big-endian.
/// </summary>
internal static class PoiEncoding
{
    internal static byte[] Event(EntityModification m)
    {
        using var s = new MemoryStream();
        var remove = m.Kind == ModificationKind.Remove || m.Entity is null;
        s.WriteByte(remove ? (byte)2 : (byte)1);
        WriteString(s, m.EntityType);
        WriteString(s, m.Id);
        if (!remove)
        {
            var fields = m.Entity!.Where(f => !f.Value.IsNull)
                .Select(f => (Name: Encoding.UTF8.GetBytes(f.Key), f.Value))
                .ToList();
            fields.Sort((a, b) => a.Name.AsSpan().SequenceCompareTo(b.Name));
            WriteU32(s, (uint)fields.Count);
            foreach (var (name, value) in fields)
            {
                WriteU32(s, (uint)name.Length);
                s.Write(name);
                WriteValue(s, value);
            }
        }

        return s.ToArray();
    }

    internal static void WriteString(Stream s, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        WriteU32(s, (uint)bytes.Length);
        s.Write(bytes);
    }

    private static void WriteValue(Stream s, Value v)
    {
        s.WriteByte((byte)v.Kind);
        Span<byte> n = stackalloc byte[8];
        switch (v.Kind)
        {
            case ValueKind.String:
                WriteString(s, v.AsString());
                break;
            case ValueKind.Int:
                BinaryPrimitives.WriteInt32BigEndian(n, v.AsInt());
                s.Write(n[..4]);
                break;
            case ValueKind.Int8:
                BinaryPrimitives.WriteInt64BigEndian(n, v.AsInt8());
                s.Write(n);
                break;
            case ValueKind.Timestamp:
                BinaryPrimitives.WriteInt64BigEndian(n, v.AsTimestamp());
                s.Write(n);
                break;
            case ValueKind.Bool:
                s.WriteByte(v.AsBool() ? (byte)1 : (byte)0);
                break;
            case ValueKind.Bytes:
                WriteU32(s, (uint)v.AsBytes().Length);
                s.Write(v.AsBytes().Span);
                break;
            case ValueKind.BigInt:
                WriteBigInteger(s, v.AsBigInt());
                break;
            case ValueKind.BigDecimal:
                var d = v.AsBigDecimal();
                WriteBigInteger(s, d.Digits);
                BinaryPrimitives.WriteInt64BigEndian(n, d.Exponent);
                s.Write(n);
                break;
            case ValueKind.Array:
                var items = v.AsArray();
                WriteU32(s, (uint)items.Count);
                foreach (var item in items)
                {
                    WriteValue(s, item);
                }

                break;
            case ValueKind.Null:
                break;
            default:
                throw new StoreException($"proof of indexing: unknown value kind {v.Kind}");
        }
    }

    private static void WriteBigInteger(Stream s, BigInteger b)
    {
        var bytes = b.ToByteArray(isUnsigned: false, isBigEndian: true);
        WriteU32(s, (uint)bytes.Length);
        s.Write(bytes);
    }

    private static void WriteU32(Stream s, uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        s.Write(b);
    }
}
