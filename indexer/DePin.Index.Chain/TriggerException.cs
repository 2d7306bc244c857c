namespace DePin.Index.Chain;

/// <summary>
/// A log or block cannot be matched deterministically (e.g. two event handlers of one data source match the same
/// log, which graph-node rejects). Deterministic: retrying gives the same error; the deployment fails at
/// <see cref="BlockNumber"/>.
/// </summary>
public sealed class TriggerException : Exception
{
    public TriggerException()
    {
        DataSource = "";
    }

    public TriggerException(string message) : base(message)
    {
        DataSource = "";
    }

    public TriggerException(string message, Exception innerException) : base(message, innerException)
    {
        DataSource = "";
    }

    public TriggerException(string dataSource, long blockNumber, string message) : base(message)
    {
        DataSource = dataSource;
        BlockNumber = blockNumber;
    }

    /// <summary>The data source whose handlers are at fault.</summary>
    public string DataSource { get; }

    public long BlockNumber { get; }
}
