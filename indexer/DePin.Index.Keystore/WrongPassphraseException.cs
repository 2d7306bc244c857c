namespace DePin.Index.Keystore;

/// <summary>The MAC of a key file does not match: the passphrase is wrong (or the file was altered).</summary>
public sealed class WrongPassphraseException : KeystoreException
{
    public WrongPassphraseException()
        : base("wrong passphrase: the key file's MAC does not match (or the file was altered)")
    {
    }

    public WrongPassphraseException(string message) : base(message)
    {
    }

    public WrongPassphraseException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
