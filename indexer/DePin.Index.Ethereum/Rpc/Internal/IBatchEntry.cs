namespace DePin.Index.Ethereum.Rpc.Internal;

/// <summary>One call of a batch as the client sees it: its request and where its answer goes.</summary>
internal interface IBatchEntry
{
    long Id { get; }

    string Method { get; }

    IReadOnlyList<object?>? Parameters { get; }

    /// <summary>Forgets any answer of an earlier attempt.</summary>
    void Reset();

    /// <summary>Parses the result from its complete JSON bytes (throws what the parser throws).</summary>
    void SetResult(ReadOnlySpan<byte> json);

    void SetError(JsonRpcException error);
}
