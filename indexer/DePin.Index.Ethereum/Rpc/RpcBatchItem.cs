using System.Text.Json;
using DePin.Index.Ethereum.Rpc.Internal;

namespace DePin.Index.Ethereum.Rpc;

/// <summary>
/// One call inside a <see cref="JsonRpcBatch"/>. After the batch was sent, <see cref="Result"/> holds the parsed
/// result, or throws the call's own <see cref="JsonRpcException"/> when the node answered it with an error
/// (the other calls of the batch are not affected).
/// </summary>
public sealed class RpcBatchItem<T> : IBatchEntry
{
    private readonly RpcResultParser<T> _parser;
    private T? _result;
    private bool _answered;

    internal RpcBatchItem(long id, string method, IReadOnlyList<object?>? parameters, RpcResultParser<T> parser)
    {
        Id = id;
        Method = method;
        Parameters = parameters;
        _parser = parser;
    }

    /// <summary>The request id used on the wire.</summary>
    public long Id { get; }

    /// <summary>The JSON-RPC method.</summary>
    public string Method { get; }

    internal IReadOnlyList<object?>? Parameters { get; }

    IReadOnlyList<object?>? IBatchEntry.Parameters => Parameters;

    /// <summary>The node's error for this call, or null when it answered with a result.</summary>
    public JsonRpcException? Error { get; private set; }

    /// <summary>True once the batch was sent and this call answered with a result (not an error).</summary>
    public bool Succeeded => _answered && Error is null;

    /// <summary>The parsed result.</summary>
    /// <exception cref="JsonRpcException">the node answered this call with an error.</exception>
    /// <exception cref="InvalidOperationException">the batch has not been sent (successfully) yet.</exception>
    public T Result
    {
        get
        {
            if (!_answered) throw new InvalidOperationException($"{Method} (id {Id}): the batch has not been sent yet");
            if (Error is not null) throw Error;
            return _result!;
        }
    }

    void IBatchEntry.Reset()
    {
        _answered = false;
        _result = default;
        Error = null;
    }

    void IBatchEntry.SetResult(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: true, default);
        reader.Read();
        _result = _parser(ref reader);
        _answered = true;
    }

    void IBatchEntry.SetError(JsonRpcException error)
    {
        Error = error;
        _answered = true;
    }
}
