namespace DePin.Index.Chain;

/// <summary>
/// The block stream cannot go on: a failure it does not retry (a JSON-RPC error that is the request's fault, a
/// reorg deeper than the kept chain, a trigger error) or one that outlasted <see cref="BlockStreamOptions.MaxAttempts"/>.
/// The message names the step and the block; <see cref="Exception.InnerException"/> is the cause.
/// </summary>
public sealed class BlockStreamException : Exception
{
    public BlockStreamException()
    {
    }

    public BlockStreamException(string message) : base(message)
    {
    }

    public BlockStreamException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <param name="message">What failed.</param>
    /// <param name="block">The block the stream was working on, when known.</param>
    /// <param name="attempts">Attempts made.</param>
    /// <param name="innerException">The cause, if any.</param>
    public BlockStreamException(string message, long? block, int attempts, Exception? innerException)
        : base(message, innerException)
    {
        Block = block;
        Attempts = attempts;
    }

    /// <summary>The block the stream was working on, when known.</summary>
    public long? Block { get; }

    /// <summary>Consecutive attempts made before giving up (1 for a failure that is not retried).</summary>
    public int Attempts { get; } = 1;
}
