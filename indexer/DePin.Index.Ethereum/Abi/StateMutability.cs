namespace DePin.Index.Ethereum.Abi;

/// <summary>A function's <c>stateMutability</c> in the JSON ABI.</summary>
public enum StateMutability
{
    NonPayable,
    Payable,
    View,
    Pure,
}
