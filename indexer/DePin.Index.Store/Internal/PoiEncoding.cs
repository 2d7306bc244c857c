using System.Buffers;
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
    /// <summary>UTF-8 of entity type and field names (a deployment has few), shared by every writer.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Names = new(StringComparer.Ordinal);

    [ThreadStatic]
    private static (byte[] Name, Value Value)[]? _fields;

    internal static byte[] Event(EntityModification m)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        Write(buffer, m);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Appends the encoding of <paramref name="m"/> (the one <see cref="Event"/> returns) to <paramref name="s"/>.</summary>
    internal static void Write(System.Buffers.ArrayBufferWriter<byte> s, EntityModification m)
    {
        var remove = m.Kind == ModificationKind.Remove || m.Entity is null;
        WriteByte(s, remove ? (byte)2 : (byte)1);
        WriteName(s, m.EntityType);
        WriteString(s, m.Id);
        if (remove)
        {
            return;
        }

        var entity = m.Entity!;
        var fields = _fields is { } cached && cached.Length >= entity.Count ? cached : _fields = new (byte[], Value)[Math.Max(entity.Count, 32)];
        var count = 0;
        var names = entity.FieldNames;
        for (var i = 0; i < names.Count; i++)
        {
            var value = entity[names[i]];
            if (value.IsNull)
            {
                continue;
            }

            // Insertion sort by the names' UTF-8 bytes (entities have few fields).
            var name = Names.GetOrAdd(names[i], static n => Encoding.UTF8.GetBytes(n));
            var j = count - 1;
            while (j >= 0 && fields[j].Name.AsSpan().SequenceCompareTo(name) > 0)
            {
                fields[j + 1] = fields[j];
                j--;
            }

            fields[j + 1] = (name, value);
            count++;
        }

        WriteU32(s, (uint)count);
        for (var i = 0; i < count; i++)
        {
            var (name, value) = fields[i];
            WriteU32(s, (uint)name.Length);
            s.Write(name);
            WriteValue(s, value);
        }

        Array.Clear(fields, 0, count);
    }

    internal static void WriteString(Stream s, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bytes.Length);
        s.Write(length);
        s.Write(bytes);
    }

    private static void WriteString(System.Buffers.ArrayBufferWriter<byte> s, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        WriteU32(s, (uint)length);
        Encoding.UTF8.GetBytes(text, s.GetSpan(length));
        s.Advance(length);
    }

    private static void WriteName(System.Buffers.ArrayBufferWriter<byte> s, string name)
    {
        var bytes = Names.GetOrAdd(name, static n => Encoding.UTF8.GetBytes(n));
        WriteU32(s, (uint)bytes.Length);
        s.Write(bytes);
    }

    private static void WriteValue(System.Buffers.ArrayBufferWriter<byte> s, Value v)
    {
        WriteByte(s, (byte)v.Kind);
        switch (v.Kind)
        {
            case ValueKind.String:
                WriteString(s, v.AsString());
                break;
            case ValueKind.Int:
                BinaryPrimitives.WriteInt32BigEndian(s.GetSpan(4), v.AsInt());
                s.Advance(4);
                break;
            case ValueKind.Int8:
                BinaryPrimitives.WriteInt64BigEndian(s.GetSpan(8), v.AsInt8());
                s.Advance(8);
                break;
            case ValueKind.Timestamp:
                BinaryPrimitives.WriteInt64BigEndian(s.GetSpan(8), v.AsTimestamp());
                s.Advance(8);
                break;
            case ValueKind.Bool:
                WriteByte(s, v.AsBool() ? (byte)1 : (byte)0);
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
                BinaryPrimitives.WriteInt64BigEndian(s.GetSpan(8), d.Exponent);
                s.Advance(8);
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

    /// <summary>Big-endian two's complement, minimal (as <see cref="BigInteger.ToByteArray(bool, bool)"/>), after its length.</summary>
    private static void WriteBigInteger(System.Buffers.ArrayBufferWriter<byte> s, BigInteger b)
    {
        var length = b.GetByteCount(isUnsigned: false);
        WriteU32(s, (uint)length);
        b.TryWriteBytes(s.GetSpan(length), out _, isUnsigned: false, isBigEndian: true);
        s.Advance(length);
    }

    private static void WriteByte(System.Buffers.ArrayBufferWriter<byte> s, byte value)
    {
        s.GetSpan(1)[0] = value;
        s.Advance(1);
    }

    private static void WriteU32(System.Buffers.ArrayBufferWriter<byte> s, uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(s.GetSpan(4), value);
        s.Advance(4);
    }
}
