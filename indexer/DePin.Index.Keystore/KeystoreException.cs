namespace DePin.Index.Keystore;

/// <summary>A key file that can't be read or used: malformed JSON, an unsupported cipher or KDF, a bad parameter, or no such account. The message names the problem.</summary>
public class KeystoreException : Exception
{
    public KeystoreException()
    {
    }

    public KeystoreException(string message) : base(message)
    {
    }

    public KeystoreException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
