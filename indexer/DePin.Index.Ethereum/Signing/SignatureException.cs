namespace DePin.Index.Ethereum.Signing;

/// <summary>
/// Raised when a key or signature is not valid: a private key outside [1, n-1], r or s zero or not below
/// the curve order, a recovery id other than 0/1 (v other than 0/1/27/28), a wrong length, or a signature
/// from which no public key can be recovered. The message names the problem.
/// </summary>
public sealed class SignatureException : Exception
{
    public SignatureException()
    {
    }

    public SignatureException(string message) : base(message)
    {
    }

    public SignatureException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
