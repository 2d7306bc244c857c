namespace DePin.Index.Ethereum.Abi;

/// <summary>Decodes revert data: built-in <c>Error(string)</c> and <c>Panic(uint256)</c>, and custom errors of a contract ABI.</summary>
public static class RevertDecoder
{
    /// <summary>
    /// Decodes revert data. Empty data gives <see cref="RevertKind.Empty"/>; a selector neither built in nor in
    /// <paramref name="abi"/> gives <see cref="RevertKind.Unknown"/>.
    /// </summary>
    /// <exception cref="AbiException">when the data is 1–3 bytes, or a known error's arguments are malformed.</exception>
    public static DecodedRevert Decode(ReadOnlySpan<byte> revertData, ContractAbi? abi = null)
    {
        if (revertData.IsEmpty) return new DecodedRevert(RevertKind.Empty, null, [], []);
        var selector = Selector.Read(revertData);
        if (selector == ErrorAbi.StandardError.Selector) return ErrorAbi.StandardError.Decode(revertData);
        if (selector == ErrorAbi.Panic.Selector) return ErrorAbi.Panic.Decode(revertData);
        if (abi is not null && abi.TryGetError(selector, out var error)) return error.Decode(revertData);
        return new DecodedRevert(RevertKind.Unknown, null, [], revertData.ToArray());
    }
}
