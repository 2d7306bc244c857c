namespace DePin.Index.Runtime;

/// <summary>
/// A handler invocation failed. <see cref="DeterministicMappingException"/> means the same input
/// always fails the same way (the deployment fails at this block); <see cref="NonDeterministicMappingException"/>
/// means the failure came from outside the mapping (RPC, database) and the block may be retried.
/// The message names the handler and the block: <c>handler 'handleX' at block #12: …</c>.
/// </summary>
public abstract class MappingException : Exception
{
    protected MappingException(string handler, long blockNumber, string reason, Exception? innerException)
        : base($"handler '{handler}' at block #{blockNumber}: {reason}", innerException)
    {
        Handler = handler;
        BlockNumber = blockNumber;
        Reason = reason;
    }

    /// <summary>The exported handler function that failed.</summary>
    public string Handler { get; }

    /// <summary>The number of the block whose trigger was being handled.</summary>
    public long BlockNumber { get; }

    /// <summary>The failure without the handler/block prefix.</summary>
    public string Reason { get; }

    /// <summary>True when retrying the same input cannot succeed.</summary>
    public abstract bool IsDeterministic { get; }
}
