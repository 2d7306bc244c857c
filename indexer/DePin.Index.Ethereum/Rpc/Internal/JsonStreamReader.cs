using System.Buffers;
using System.Text;
using System.Text.Json;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Rpc.Internal;

/// <summary>
/// Reads a JSON document from a stream one complete value at a time over a pooled buffer that only grows to
/// the largest single value (e.g. one log), never to the whole body. Every value handed out is complete: its
/// bytes can be parsed by an ordinary <see cref="Utf8JsonReader"/> with <c>isFinalBlock: true</c>.
/// The slices returned stay valid until the next <see cref="FillAsync"/>.
/// </summary>
internal sealed class JsonStreamReader : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly long _maxBytes;
    private readonly string _method;
    private byte[] _buffer;
    private int _pos;
    private int _end;
    private bool _eof;
    private long _totalRead;
    private JsonReaderState _state;

    public JsonStreamReader(Stream stream, long maxBytes, string method)
    {
        _stream = stream;
        _maxBytes = maxBytes;
        _method = method;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        _state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 });
    }

    public long BytesRead => _totalRead;

    /// <summary>Bytes handed to the tokenizer so far (rescans included); stays within a small multiple of the body.</summary>
    public long BytesScanned { get; private set; }

    /// <summary>The text of the last property name read by <see cref="TryReadToken"/>.</summary>
    public string LastPropertyName { get; private set; } = "";

    public ReadOnlySpan<byte> Buffer => _buffer.AsSpan(0, _end);

    /// <summary>
    /// Takes the next complete value (or the end token of the enclosing array/object) if the buffer holds it
    /// whole. <paramref name="start"/>/<paramref name="length"/> locate its bytes in <see cref="Buffer"/>.
    /// Returns false when more data is needed; call <see cref="FillAsync"/> and try again.
    /// </summary>
    public bool TryTakeValue(out JsonTokenType token, out int start, out int length) => TryStep(skipValue: true, out token, out start, out length);

    /// <summary>Reads one token (structural or property name) without the value that follows it.</summary>
    public bool TryReadToken(out JsonTokenType token, out int start, out int length) => TryStep(skipValue: false, out token, out start, out length);

    public async ValueTask<(JsonTokenType Token, int Start, int Length)> ReadTokenAsync(CancellationToken ct)
    {
        while (true)
        {
            if (TryReadToken(out var token, out var start, out var length)) return (token, start, length);
            await FillAsync(ct).ConfigureAwait(false);
        }
    }

    public async ValueTask<(JsonTokenType Token, int Start, int Length)> TakeValueAsync(CancellationToken ct)
    {
        while (true)
        {
            if (TryTakeValue(out var token, out var start, out var length)) return (token, start, length);
            await FillAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>The first non-blank byte of the body (only meaningful before anything was taken).</summary>
    public async ValueTask<byte> PeekFirstByteAsync(CancellationToken ct)
    {
        while (true)
        {
            foreach (var b in _buffer.AsSpan(_pos, _end - _pos))
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return b;
            }
            await FillAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Reads more of the body, keeping the unconsumed bytes; grows the buffer when it is full of one unfinished value.</summary>
    public async ValueTask FillAsync(CancellationToken ct)
    {
        if (_eof) throw Truncated();
        var pending = _end - _pos;
        if (_pos > 0)
        {
            _buffer.AsSpan(_pos, pending).CopyTo(_buffer);
            _pos = 0;
            _end = pending;
        }
        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(checked(_buffer.Length * 2));
            _buffer.AsSpan(0, _end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        // Fill the whole free space (or reach the end) before the caller looks again: rescanning an unfinished
        // value after every small read would make one large value cost quadratic time.
        while (_end < _buffer.Length)
        {
            var n = await _stream.ReadAsync(_buffer.AsMemory(_end), ct).ConfigureAwait(false);
            if (n == 0)
            {
                _eof = true;
                return;
            }
            _end += n;
            _totalRead += n;
            if (_totalRead > _maxBytes) throw new RpcResponseTooLargeException(_method, _maxBytes);
        }
    }

    private bool TryStep(bool skipValue, out JsonTokenType token, out int start, out int length)
    {
        var data = _buffer.AsSpan(_pos, _end - _pos);
        var reader = new Utf8JsonReader(data, _eof, _state);
        token = default;
        var scannedBefore = BytesScanned;
        start = length = 0;
        int tokenStart;
        try
        {
            if (!reader.Read())
            {
                BytesScanned = scannedBefore + data.Length;
                return _eof ? throw Truncated() : false;
            }
            token = reader.TokenType;
            tokenStart = (int)reader.TokenStartIndex;
            if (token == JsonTokenType.PropertyName) LastPropertyName = reader.GetString()!;
            if (skipValue && !reader.TrySkip())
            {
                BytesScanned = scannedBefore + data.Length;
                return _eof ? throw Truncated() : false;
            }
        }
        catch (JsonException e)
        {
            throw _eof && IsIncomplete(data) ? Truncated() : Malformed(e);
        }
        BytesScanned = scannedBefore + reader.BytesConsumed;
        start = _pos + tokenStart;
        length = (int)reader.BytesConsumed - tokenStart;
        _pos += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        return true;
    }

    /// <summary>At the end of the body: is the rest a valid but unfinished JSON value (truncation) rather than garbage?</summary>
    private bool IsIncomplete(ReadOnlySpan<byte> data)
    {
        var probe = new Utf8JsonReader(data, isFinalBlock: false, _state);
        try
        {
            while (probe.Read())
            {
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }

    private RpcProtocolException Truncated()
    {
        if (_totalRead == 0) return new RpcProtocolException(_method, "the answer body is empty", isTransient: true, inner: null);
        return new RpcProtocolException(_method,
            $"the answer ends inside a JSON value (truncated after {_totalRead:N0} bytes: '{Snippet(Math.Max(0, _end - 60), _end)}')",
            isTransient: true, inner: null);
    }

    private RpcProtocolException Malformed(JsonException e) =>
        new(_method, $"the answer is not valid JSON ({e.Message.Split(" Path:")[0]}) near '{Snippet(Math.Max(0, _pos - 20), Math.Min(_end, _pos + 60))}'",
            isTransient: true, inner: e);

    private string Snippet(int from, int to)
    {
        var text = Encoding.UTF8.GetString(_buffer.AsSpan(from, to - from));
        return Hex.Truncate(text.ReplaceLineEndings(" "));
    }
}
