using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Devnet.Chain;

/// <summary>A transaction handed to the node and not yet confirmed; <see cref="Label"/> names it in errors.</summary>
public sealed record SentTransaction(Hash32 Hash, Address From, Address? To, byte[] Data, string Label, object? Tag);
