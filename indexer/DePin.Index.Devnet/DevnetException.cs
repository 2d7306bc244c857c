namespace DePin.Index.Devnet;

/// <summary>A devnet step failed (a tool is missing, a server did not start or answer); the message says what to do.</summary>
public sealed class DevnetException : Exception
{
    public DevnetException()
    {
    }

    public DevnetException(string message) : base(message)
    {
    }

    public DevnetException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
