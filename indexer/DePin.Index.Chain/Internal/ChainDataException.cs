namespace DePin.Index.Chain.Internal;

/// <summary>
/// The node's answers do not fit together (a block missing below the head, a log whose block hash differs from the
/// header, a transaction that is not in its block): the chain moved while we read or the node is lagging. Retried.
/// </summary>
internal sealed class ChainDataException(string message) : Exception(message);
