namespace DePin.Index.Ethereum.Eip712;

/// <summary>
/// Raised for typed data that cannot be hashed: malformed JSON, unknown or invalid type names, missing or
/// extra fields, values of the wrong kind or out of range for their type, wrong array lengths. The message
/// names the path of the offending value (for example <c>Mail.to.wallet</c>).
/// </summary>
public sealed class Eip712Exception : Exception
{
    public Eip712Exception()
    {
    }

    public Eip712Exception(string message) : base(message)
    {
    }

    public Eip712Exception(string message, Exception innerException) : base(message, innerException)
    {
    }
}
