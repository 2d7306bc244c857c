namespace DePin.Index.Runtime;

/// <summary>
/// A deterministic handler failure: a trap, <c>abort</c>, a critical log, running out of fuel,
/// exceeding the memory cap, the wall-clock cap or the stack limit, a schema violation, or bad
/// data passed to a host function. The handler's entity changes are discarded.
/// </summary>
public sealed class DeterministicMappingException : MappingException
{
    public DeterministicMappingException(string handler, long blockNumber, string reason, Exception? innerException = null)
        : base(handler, blockNumber, reason, innerException)
    {
    }

    /// <inheritdoc/>
    public override bool IsDeterministic => true;
}
