namespace DePin.Index.Pipeline;

/// <summary>How the pipeline reacts to a failure (see <see cref="ErrorClassifier"/>).</summary>
public enum ErrorKind
{
    /// <summary>The runner was asked to stop: it stops; what is committed stays, nothing else is written.</summary>
    Cancelled,

    /// <summary>The same input fails the same way: the deployment is marked failed at the block, with handler and message.</summary>
    Deterministic,

    /// <summary>RPC, database, timeouts, anything unexpected: retried with exponential backoff from the committed cursor.</summary>
    NonDeterministic,
}
