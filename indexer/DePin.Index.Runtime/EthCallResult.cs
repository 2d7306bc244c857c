namespace DePin.Index.Runtime;

/// <summary>The outcome of an <c>eth_call</c>: return data, or a revert (the mapping receives null).</summary>
public readonly record struct EthCallResult(bool Reverted, ReadOnlyMemory<byte> ReturnData)
{
    public static EthCallResult Success(ReadOnlyMemory<byte> returnData) => new(false, returnData);

    public static EthCallResult Revert() => new(true, ReadOnlyMemory<byte>.Empty);
}
