namespace DePin.Index.GraphQL.Internal;

/// <summary>A deployment's indexing head as read from <c>subgraphs.deployment</c>.</summary>
internal sealed record HeadState(int? Number, byte[]? Hash, int EarliestBlock, bool HasIndexingErrors, long ReadAtTicks);
