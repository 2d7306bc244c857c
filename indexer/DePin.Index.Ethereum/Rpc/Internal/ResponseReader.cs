using System.Text.Json;

namespace DePin.Index.Ethereum.Rpc.Internal;

/// <summary>Turns an answer body into results: single calls, streamed list results and batches.</summary>
internal static class ResponseReader
{
    public static async ValueTask<T> ReadSingleAsync<T>(JsonStreamReader sr, string method, long id, RpcResultParser<T> parser, CancellationToken ct)
    {
        var (token, start, length) = await sr.TakeValueAsync(ct).ConfigureAwait(false);
        if (token != JsonTokenType.StartObject) throw NotAnObject(method, token);
        var json = sr.Buffer.Slice(start, length);
        var envelope = ParseEnvelope(json, method);
        Check(envelope, method, id);
        return ParseValue(json.Slice(envelope.ResultStart, envelope.ResultLength), parser, method, "result");
    }

    /// <summary>
    /// Reads an answer whose result is an array, one element at a time: memory holds the parsed elements and
    /// one element's bytes, never the whole body.
    /// </summary>
    public static async ValueTask<List<T>> ReadListAsync<T>(JsonStreamReader sr, string method, long id, RpcResultParser<T> parser, CancellationToken ct)
    {
        var (token, _, _) = await sr.ReadTokenAsync(ct).ConfigureAwait(false);
        if (token != JsonTokenType.StartObject) throw NotAnObject(method, token);
        var idKind = RpcIdKind.Missing;
        long answerId = 0;
        var idText = "";
        List<T>? list = null;
        RpcErrorObject? error = null;
        while (true)
        {
            (token, _, _) = await sr.ReadTokenAsync(ct).ConfigureAwait(false);
            if (token == JsonTokenType.EndObject) break;
            var name = sr.LastPropertyName;
            if (name == "result")
            {
                list = await ReadElementsAsync(sr, method, parser, ct).ConfigureAwait(false);
                continue;
            }
            var (_, start, length) = await sr.TakeValueAsync(ct).ConfigureAwait(false);
            var json = sr.Buffer.Slice(start, length);
            var reader = new Utf8JsonReader(json, isFinalBlock: true, default);
            reader.Read();
            try
            {
                switch (name)
                {
                    case "id":
                        (idKind, answerId, idText) = RpcEnvelope.ReadId(ref reader);
                        break;
                    case "error":
                        error = RpcEnvelope.ReadError(json, ref reader);
                        break;
                    case "jsonrpc" when reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("2.0"u8):
                        throw new FormatException($"\"jsonrpc\" must be \"2.0\", got {RpcJson.Describe(ref reader)}");
                }
            }
            catch (FormatException e)
            {
                throw new RpcProtocolException(method, $"malformed answer: {e.Message}", isTransient: false, e);
            }
        }
        var envelope = new RpcEnvelope { IdKind = idKind, Id = answerId, IdText = idText, ResultLength = list is null ? 0 : 1, Error = error };
        Check(envelope, method, id);
        return list!;
    }

    private static async ValueTask<List<T>> ReadElementsAsync<T>(JsonStreamReader sr, string method, RpcResultParser<T> parser, CancellationToken ct)
    {
        var (token, start, length) = await sr.ReadTokenAsync(ct).ConfigureAwait(false);
        if (token != JsonTokenType.StartArray)
        {
            var what = token switch
            {
                JsonTokenType.StartObject => "an object",
                JsonTokenType.Null => "null",
                _ => System.Text.Encoding.UTF8.GetString(sr.Buffer.Slice(start, Math.Min(length, 80))),
            };
            throw new RpcProtocolException(method, $"result must be an array, got {what}", isTransient: false, inner: null);
        }
        var list = new List<T>();
        while (true)
        {
            while (sr.TryTakeValue(out token, out start, out length))
            {
                if (token == JsonTokenType.EndArray) return list;
                list.Add(ParseValue(sr.Buffer.Slice(start, length), parser, method, list.Count));
            }
            await sr.FillAsync(ct).ConfigureAwait(false);
        }
    }

    public static async ValueTask ReadBatchAsync(JsonStreamReader sr, string label, IReadOnlyList<IBatchEntry> entries, CancellationToken ct)
    {
        foreach (var e in entries) e.Reset();
        var first = await sr.PeekFirstByteAsync(ct).ConfigureAwait(false);
        if (first == (byte)'{')
        {
            // A node may refuse a whole batch with one error object (e.g. "batch too large").
            var (_, s, l) = await sr.TakeValueAsync(ct).ConfigureAwait(false);
            var envelope = ParseEnvelope(sr.Buffer.Slice(s, l), label);
            if (envelope.Error is { } err) throw err.ToException(label);
            throw new RpcProtocolException(label, "expected an array of answers, got a single answer object", isTransient: false, inner: null);
        }
        var (token, _, _) = await sr.ReadTokenAsync(ct).ConfigureAwait(false);
        if (token != JsonTokenType.StartArray) throw NotAnObject(label, token);
        var byId = new Dictionary<long, IBatchEntry>(entries.Count);
        foreach (var e in entries) byId[e.Id] = e;
        var answered = new HashSet<long>();
        while (true)
        {
            while (sr.TryTakeValue(out token, out var start, out var length))
            {
                if (token == JsonTokenType.EndArray)
                {
                    CheckComplete(label, entries, answered);
                    return;
                }
                Dispatch(sr.Buffer.Slice(start, length), label, byId, answered);
            }
            await sr.FillAsync(ct).ConfigureAwait(false);
        }
    }

    private static void Dispatch(ReadOnlySpan<byte> json, string label, Dictionary<long, IBatchEntry> byId, HashSet<long> answered)
    {
        if (json[0] != (byte)'{') throw new RpcProtocolException(label, $"batch answer #{answered.Count} is not an object", isTransient: false, inner: null);
        var envelope = ParseEnvelope(json, label);
        if (envelope.IdKind != RpcIdKind.Number || !byId.TryGetValue(envelope.Id, out var entry))
        {
            var why = envelope.Error is { } e ? $" (its error: {e.Message}, code {e.Code})" : "";
            var what = envelope.IdKind == RpcIdKind.Missing ? "has no id" : $"has id {envelope.IdText}, which no request of the batch carries";
            throw new RpcProtocolException(label, $"a batch answer {what}{why}", isTransient: false, inner: null);
        }
        if (!answered.Add(envelope.Id))
            throw new RpcProtocolException(label, $"two answers for id {envelope.Id} ({entry.Method})", isTransient: false, inner: null);
        var method = $"{entry.Method} (id {entry.Id})";
        if (envelope.Error is { } error)
        {
            if (envelope.HasResult) throw new RpcProtocolException(method, "the answer has both result and error", isTransient: false, inner: null);
            entry.SetError(error.ToException(entry.Method));
            return;
        }
        if (!envelope.HasResult) throw new RpcProtocolException(method, "the answer has neither result nor error", isTransient: false, inner: null);
        try
        {
            entry.SetResult(json.Slice(envelope.ResultStart, envelope.ResultLength));
        }
        catch (Exception e) when (IsParseFailure(e))
        {
            throw new RpcProtocolException(method, $"result: {e.Message}", isTransient: false, e);
        }
    }

    private static void CheckComplete(string label, IReadOnlyList<IBatchEntry> entries, HashSet<long> answered)
    {
        if (answered.Count == entries.Count) return;
        var missing = entries.Where(e => !answered.Contains(e.Id)).Take(5).Select(e => $"id {e.Id} ({e.Method})");
        var more = entries.Count - answered.Count > 5 ? $" and {entries.Count - answered.Count - 5} more" : "";
        throw new RpcProtocolException(label, $"no answer for {string.Join(", ", missing)}{more}", isTransient: false, inner: null);
    }

    private static RpcEnvelope ParseEnvelope(ReadOnlySpan<byte> json, string method)
    {
        try
        {
            return RpcEnvelope.Parse(json);
        }
        catch (Exception e) when (IsParseFailure(e))
        {
            throw new RpcProtocolException(method, $"malformed answer: {e.Message}", isTransient: false, e);
        }
    }

    private static void Check(in RpcEnvelope envelope, string method, long id)
    {
        if ((envelope.IdKind == RpcIdKind.Number && envelope.Id != id) || envelope.IdKind == RpcIdKind.Other)
            throw new RpcProtocolException(method, $"the answer's id {envelope.IdText} does not match the request's id {id}", isTransient: false, inner: null);
        if (envelope.Error is { } error)
        {
            if (envelope.HasResult) throw new RpcProtocolException(method, "the answer has both result and error", isTransient: false, inner: null);
            throw error.ToException(method);
        }
        if (envelope.IdKind != RpcIdKind.Number)
            throw new RpcProtocolException(method, $"the answer has {(envelope.IdKind == RpcIdKind.Null ? "a null id" : "no id")} (request id {id})", isTransient: false, inner: null);
        if (!envelope.HasResult) throw new RpcProtocolException(method, "the answer has neither result nor error", isTransient: false, inner: null);
    }

    private static T ParseValue<T>(ReadOnlySpan<byte> json, RpcResultParser<T> parser, string method, string where)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: true, default);
        reader.Read();
        try
        {
            return parser(ref reader);
        }
        catch (Exception e) when (IsParseFailure(e))
        {
            throw new RpcProtocolException(method, $"{where}: {e.Message}", isTransient: false, e);
        }
    }

    private static T ParseValue<T>(ReadOnlySpan<byte> json, RpcResultParser<T> parser, string method, int index)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: true, default);
        reader.Read();
        try
        {
            return parser(ref reader);
        }
        catch (Exception e) when (IsParseFailure(e))
        {
            throw new RpcProtocolException(method, $"result[{index}]: {e.Message}", isTransient: false, e);
        }
    }

    private static RpcProtocolException NotAnObject(string method, JsonTokenType token) =>
        new(method, $"expected a JSON-RPC answer object, got {Describe(token)}", isTransient: false, inner: null);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.Null => "null",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        var t => t.ToString(),
    };

    internal static bool IsParseFailure(Exception e) =>
        e is FormatException or JsonException or InvalidOperationException or OverflowException or ArgumentException;
}
