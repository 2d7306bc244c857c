namespace DePin.Index.Ethereum.Abi;

/// <summary>
/// Raised for everything the ABI codec rejects: malformed type strings or JSON ABIs, values that do not fit
/// their type on encode, and data that is not a valid (strict) ABI encoding on decode. The message names
/// the parameter and the problem.
/// </summary>
public sealed class AbiException : Exception
{
    public AbiException()
    {
    }

    public AbiException(string message) : base(message)
    {
    }

    public AbiException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
