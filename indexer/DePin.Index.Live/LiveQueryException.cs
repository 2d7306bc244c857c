namespace DePin.Index.Live;

/// <summary>A request the live layer cannot take (syntax, size, operation selection); the message is fit for a GraphQL error.</summary>
public sealed class LiveQueryException : Exception
{
    public LiveQueryException()
    {
    }

    public LiveQueryException(string message)
        : base(message)
    {
    }

    public LiveQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
