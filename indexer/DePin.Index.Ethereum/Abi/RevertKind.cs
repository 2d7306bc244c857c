namespace DePin.Index.Ethereum.Abi;

/// <summary>What a revert's data turned out to be.</summary>
public enum RevertKind
{
    /// <summary>No data at all (<c>revert()</c>, a failed <c>require</c> without message, out of gas, …).</summary>
    Empty,
    /// <summary><c>Error(string)</c>.</summary>
    Error,
    /// <summary><c>Panic(uint256)</c>.</summary>
    Panic,
    /// <summary>A custom error found in the contract ABI.</summary>
    Custom,
    /// <summary>A selector that no known error has.</summary>
    Unknown,
}
