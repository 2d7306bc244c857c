using System.Globalization;
using System.Text.Json;
using DePin.Index.Runtime.Asc;
using DePin.Index.Runtime.Hosting;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime.HostFunctions;

/// <summary>
/// <c>json.*</c>. Parsed values are written as graph-ts <c>JSONValue</c>s: numbers keep their
/// literal text (graph-node parses with arbitrary precision), object keys are sorted and a
/// repeated key keeps its last value (serde_json's map). Documents over 10 MB are refused.
/// </summary>
internal static class JsonFunctions
{
    private const int MaxJsonSize = 10_000_000;

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 128 };

    public static void Register(HostFunctionRegistry r)
    {
        r.Add("json.fromBytes", (ctx, ptr) =>
        {
            var bytes = ctx.Heap.ReadUint8Array(ptr);
            using var document = Parse(bytes, out var error) ?? throw HostException.Fail(
                $"Failed to parse JSON from byte array. Bytes (truncated to 1024 chars): `[{string.Join(", ", bytes.Take(1024))}]`: {error}");
            return WriteValue(ctx.Heap, document.RootElement);
        });
        r.Add("json.try_fromBytes", (ctx, ptr) =>
        {
            var bytes = ctx.Heap.ReadUint8Array(ptr);
            using var document = Parse(bytes, out var error);
            if (document is null)
            {
                ctx.Current.Log?.Invoke(MappingLogLevel.Warning, $"Failed to parse JSON from byte array: {error}");
                var failure = ctx.Heap.WriteWrappedBool(true);
                return ctx.Heap.WriteStruct(AscTypeId.ResultJsonValueBool, [0, failure]);
            }

            var value = WriteValue(ctx.Heap, document.RootElement);
            var wrapped = ctx.Heap.WriteStruct(AscTypeId.WrappedJsonValue, [value]);
            return ctx.Heap.WriteStruct(AscTypeId.ResultJsonValueBool, [wrapped, 0]);
        });
        r.Add("json.toI64", (ctx, ptr) =>
        {
            var text = ctx.Heap.ReadString(ptr);
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw HostException.Fail($"JSON `{text}` cannot be parsed as i64");
        });
        r.Add("json.toU64", (ctx, ptr) =>
        {
            var text = ctx.Heap.ReadString(ptr);
            return !text.StartsWith('-') && ulong.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
                ? (long)v
                : throw HostException.Fail($"JSON `{text}` cannot be parsed as u64");
        });
        r.Add("json.toF64", (ctx, ptr) =>
        {
            var text = ctx.Heap.ReadString(ptr);
            return text.Length > 0 && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1])
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw HostException.Fail($"JSON `{text}` cannot be parsed as f64");
        });
        r.Add("json.toBigInt", (ctx, ptr) =>
        {
            var text = ctx.Heap.ReadString(ptr);
            if (!BigIntParser.TryParse(text, out var value))
            {
                throw HostException.Fail($"JSON `{text}` is not a decimal string");
            }

            AscPrimitives.CheckBigIntSize(value);
            return ctx.Heap.WriteBigInt(value);
        });
    }

    private static JsonDocument? Parse(byte[] bytes, out string error)
    {
        if (bytes.Length > MaxJsonSize)
        {
            error = $"JSON size exceeds max size of {MaxJsonSize}";
            return null;
        }

        try
        {
            error = string.Empty;
            return JsonDocument.Parse(bytes, ParseOptions);
        }
        catch (JsonException e)
        {
            error = e.Message;
            return null;
        }
    }

    private static uint WriteValue(AscHeap heap, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return heap.WriteEnum(AscTypeId.JsonValue, 0, 0);
            case JsonValueKind.True:
            case JsonValueKind.False:
                return heap.WriteEnum(AscTypeId.JsonValue, 1, element.ValueKind == JsonValueKind.True ? 1UL : 0UL);
            case JsonValueKind.Number:
                return heap.WriteEnum(AscTypeId.JsonValue, 2, heap.WriteString(element.GetRawText()));
            case JsonValueKind.String:
                return heap.WriteEnum(AscTypeId.JsonValue, 3, heap.WriteString(ReadString(element)));
            case JsonValueKind.Array:
                var items = element.EnumerateArray().Select(e => WriteValue(heap, e)).ToArray();
                return heap.WriteEnum(AscTypeId.JsonValue, 4, heap.WritePointerArray(AscTypeId.ArrayJsonValue, items));
            default:
                var fields = new SortedDictionary<string, JsonElement>(Utf8Order.Instance);
                foreach (var property in element.EnumerateObject())
                {
                    fields[property.Name] = property.Value;
                }

                var entries = fields.Select(f =>
                    heap.WriteStruct(AscTypeId.TypedMapEntryStringJsonValue, [heap.WriteString(f.Key), WriteValue(heap, f.Value)])).ToArray();
                var array = heap.WritePointerArray(AscTypeId.ArrayTypedMapEntryStringJsonValue, entries);
                return heap.WriteEnum(AscTypeId.JsonValue, 5, heap.WriteStruct(AscTypeId.TypedMapStringJsonValue, [array]));
        }
    }

    private static string ReadString(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw HostException.Fail($"Failed to parse JSON from byte array: {e.Message}");
        }
    }

    /// <summary>Orders strings by their UTF-8 bytes, as Rust's <c>String</c> ordering does.</summary>
    private sealed class Utf8Order : IComparer<string>
    {
        public static readonly Utf8Order Instance = new();

        public int Compare(string? x, string? y) =>
            System.Text.Encoding.UTF8.GetBytes(x ?? string.Empty).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(y ?? string.Empty));
    }
}
