using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Store;

/// <summary>The error that stopped a deployment: message, the block it happened in and the handler, if known.</summary>
public sealed record FatalError(string Message, int Block, Hash32? BlockHash = null, string? Handler = null);
