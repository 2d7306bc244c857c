using System.Buffers;
using System.Collections;
using System.Numerics;
using System.Text.Json;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Rpc.Internal;

/// <summary>
/// Writes JSON-RPC request objects. Parameter values map as follows: null → null; string, bool → themselves;
/// int/long/uint/ulong/double → JSON numbers; <see cref="BigInteger"/> → hex quantity; <see cref="Address"/>,
/// <see cref="Hash32"/> → lower-case hex; byte[]/ReadOnlyMemory&lt;byte&gt; → hex data; <see cref="JsonElement"/>
/// → as is; dictionaries with string keys → objects; other sequences → arrays; the module's own parameter types
/// (block parameters, filters, transaction requests) → their JSON-RPC form. Anything else is an
/// <see cref="ArgumentException"/> naming the type.
/// </summary>
internal static class RpcRequestWriter
{
    public static byte[] Single(long id, string method, IReadOnlyList<object?>? parameters)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteRequest(writer, id, method, parameters);
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Batch(IReadOnlyList<IBatchEntry> entries)
    {
        var buffer = new ArrayBufferWriter<byte>(128 * entries.Count);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var e in entries) WriteRequest(writer, e.Id, e.Method, e.Parameters);
            writer.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteRequest(Utf8JsonWriter writer, long id, string method, IReadOnlyList<object?>? parameters)
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc"u8, "2.0"u8);
        writer.WriteNumber("id"u8, id);
        writer.WriteString("method"u8, method);
        writer.WriteStartArray("params"u8);
        if (parameters is not null)
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                try
                {
                    WriteValue(writer, parameters[i], 0);
                }
                catch (ArgumentException e)
                {
                    throw new ArgumentException($"{method}: parameter {i}: {e.Message}", nameof(parameters), e);
                }
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter writer, object? value, int depth)
    {
        if (depth > 32) throw new ArgumentException("parameter nesting deeper than 32 levels (a cycle?)");
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case uint u: writer.WriteNumberValue(u); break;
            case ulong ul: writer.WriteNumberValue(ul); break;
            case double d when double.IsFinite(d): writer.WriteNumberValue(d); break;
            case double d: throw new ArgumentException($"{d} is not a finite number");
            case BigInteger big: writer.WriteStringValue(HexQuantity.Format(big)); break;
            case Address a: writer.WriteStringValue(a.ToHex()); break;
            case Hash32 h: writer.WriteStringValue(h.ToHex()); break;
            case byte[] bytes: WriteHex(writer, bytes); break;
            case ReadOnlyMemory<byte> mem: WriteHex(writer, mem.Span); break;
            case JsonElement el: el.WriteTo(writer); break;
            case IRpcParam p: p.WriteJson(writer); break;
            case IEnumerable<KeyValuePair<string, object?>> dict:
                writer.WriteStartObject();
                foreach (var (k, v) in dict)
                {
                    writer.WritePropertyName(k);
                    WriteValue(writer, v, depth + 1);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable seq:
                writer.WriteStartArray();
                foreach (var v in seq) WriteValue(writer, v, depth + 1);
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"a {value.GetType().Name} cannot be written as a JSON-RPC parameter");
        }
    }

    public static void WriteHex(Utf8JsonWriter writer, ReadOnlySpan<byte> bytes)
    {
        var length = 2 + bytes.Length * 2;
        var rented = length <= 512 ? null : ArrayPool<byte>.Shared.Rent(length);
        Span<byte> utf8 = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
        utf8[0] = (byte)'0';
        utf8[1] = (byte)'x';
        Convert.TryToHexStringLower(bytes, utf8[2..], out _);
        writer.WriteStringValue(utf8);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
    }
}
