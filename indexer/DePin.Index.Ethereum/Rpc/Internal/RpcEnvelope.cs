using System.Text;
using System.Text.Json;

namespace DePin.Index.Ethereum.Rpc.Internal;

/// <summary>
/// One JSON-RPC answer object, parsed from its complete bytes: the id, and where its result lies (parsed later by
/// the caller's parser) or its error. Shape problems raise <see cref="FormatException"/>.
/// </summary>
internal readonly struct RpcEnvelope
{
    public RpcIdKind IdKind { get; init; }
    public long Id { get; init; }
    public string IdText { get; init; }
    public int ResultStart { get; init; }
    public int ResultLength { get; init; }
    public bool HasResult => ResultLength > 0;
    public RpcErrorObject? Error { get; init; }

    /// <summary>Parses a complete answer object; result offsets are relative to <paramref name="json"/>.</summary>
    public static RpcEnvelope Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: true, default);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new FormatException($"expected an answer object, got {RpcJson.Describe(ref reader)}");
        var idKind = RpcIdKind.Missing;
        long id = 0;
        var idText = "";
        int resultStart = 0, resultLength = 0;
        RpcErrorObject? error = null;
        while (RpcJson.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                RpcJson.Next(ref reader);
                (idKind, id, idText) = ReadId(ref reader);
            }
            else if (reader.ValueTextEquals("result"u8))
            {
                RpcJson.Next(ref reader);
                resultStart = (int)reader.TokenStartIndex;
                reader.Skip();
                resultLength = (int)reader.BytesConsumed - resultStart;
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                RpcJson.Next(ref reader);
                error = ReadError(json, ref reader);
            }
            else if (reader.ValueTextEquals("jsonrpc"u8))
            {
                RpcJson.Next(ref reader);
                if (reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("2.0"u8))
                    throw new FormatException($"\"jsonrpc\" must be \"2.0\", got {RpcJson.Describe(ref reader)}");
            }
            else
            {
                RpcJson.Next(ref reader);
                reader.Skip();
            }
        }
        return new RpcEnvelope { IdKind = idKind, Id = id, IdText = idText, ResultStart = resultStart, ResultLength = resultLength, Error = error };
    }

    public static (RpcIdKind Kind, long Id, string Text) ReadId(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return (RpcIdKind.Null, 0, "null");
            case JsonTokenType.Number:
                var text = Encoding.UTF8.GetString(reader.ValueSpan);
                return reader.TryGetInt64(out var n) ? (RpcIdKind.Number, n, text) : (RpcIdKind.Other, 0, text);
            case JsonTokenType.String:
                return (RpcIdKind.Other, 0, $"\"{reader.GetString()}\"");
            default:
                var what = RpcJson.Describe(ref reader);
                reader.Skip();
                return (RpcIdKind.Other, 0, what);
        }
    }

    public static RpcErrorObject ReadError(ReadOnlySpan<byte> json, ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new FormatException($"\"error\" must be an object, got {RpcJson.Describe(ref reader)}");
        long? code = null;
        string? message = null;
        string? data = null;
        while (RpcJson.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("code"u8))
            {
                RpcJson.Next(ref reader);
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var c))
                    throw new FormatException($"error.code must be an integer, got {RpcJson.Describe(ref reader)}");
                code = c;
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                RpcJson.Next(ref reader);
                message = reader.TokenType == JsonTokenType.String
                    ? reader.GetString()
                    : throw new FormatException($"error.message must be a string, got {RpcJson.Describe(ref reader)}");
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                RpcJson.Next(ref reader);
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                data = Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed]);
            }
            else
            {
                RpcJson.Next(ref reader);
                reader.Skip();
            }
        }
        if (code is null) throw new FormatException("the error object has no \"code\"");
        return new RpcErrorObject(code.Value, message ?? "", data);
    }
}
