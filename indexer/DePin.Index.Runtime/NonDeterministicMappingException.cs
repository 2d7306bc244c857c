namespace DePin.Index.Runtime;

/// <summary>
/// A handler failure caused by the environment (an RPC or database error): retryable. The
/// handler's entity changes are discarded.
/// </summary>
public sealed class NonDeterministicMappingException : MappingException
{
    public NonDeterministicMappingException(string handler, long blockNumber, string reason, Exception? innerException = null)
        : base(handler, blockNumber, reason, innerException)
    {
    }

    /// <inheritdoc/>
    public override bool IsDeterministic => false;
}
