namespace DePin.Index.Runtime.Asc;

/// <summary>
/// A host function failed. <see cref="Deterministic"/> failures fail the handler for good
/// (bad data from the mapping, abort, limits); others (RPC, database) are retryable.
/// </summary>
internal sealed class HostException : Exception
{
    private HostException(string message, bool deterministic, Exception? inner)
        : base(message, inner)
    {
        Deterministic = deterministic;
    }

    public bool Deterministic { get; }

    public static HostException Fail(string message) => new(message, true, null);

    public static HostException Fail(string message, Exception inner) => new(message, true, inner);

    public static HostException Transient(string message, Exception? inner = null) => new(message, false, inner);
}
