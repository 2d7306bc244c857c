using DePin.Index.Chain;

namespace DePin.Index.Indexing;

/// <summary>
/// Processing a block failed; none of its changes were kept. A deterministic failure (a handler trap, abort or
/// schema violation, an entity conflict) fails the subgraph at this block: the same input always fails the same
/// way. A non-deterministic one (RPC or database trouble, incomplete chain data) leaves the subgraph healthy and
/// the block can be processed again. The message names the block, the data source and the handler.
/// </summary>
public sealed class IndexingException : Exception
{
    public IndexingException()
        : this("indexing failed")
    {
    }

    public IndexingException(string message)
        : base(message)
    {
        Reason = message;
    }

    public IndexingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    public IndexingException(BlockPtr block, string? dataSource, string? handler, string reason, bool isDeterministic, Exception? innerException = null)
        : base(Describe(block, dataSource, handler, reason), innerException)
    {
        Block = block;
        DataSource = dataSource;
        Handler = handler;
        Reason = reason;
        IsDeterministic = isDeterministic;
    }

    /// <summary>The block that failed.</summary>
    public BlockPtr Block { get; }

    /// <summary>The data source (or template) of the failing handler; null when the failure is not a handler's.</summary>
    public string? DataSource { get; }

    /// <summary>The handler that failed; null when the failure is not a handler's.</summary>
    public string? Handler { get; }

    /// <summary>The failure without the block/handler prefix.</summary>
    public string Reason { get; }

    /// <summary>True when processing the block again cannot succeed: the subgraph has failed.</summary>
    public bool IsDeterministic { get; }

    private static string Describe(BlockPtr block, string? dataSource, string? handler, string reason) =>
        handler is null
            ? $"block {block}: {reason}"
            : $"block {block}: handler '{handler}' of data source '{dataSource}': {reason}";
}
