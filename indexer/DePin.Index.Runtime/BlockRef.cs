using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Runtime;

/// <summary>A block by number and hash.</summary>
public readonly record struct BlockRef(long Number, Hash32 Hash);
