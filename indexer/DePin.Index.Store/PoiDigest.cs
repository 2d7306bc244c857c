using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Store;

/// <summary>The proof-of-indexing digest of a deployment after a block (see <see cref="ProofOfIndexing"/>).</summary>
public readonly record struct PoiDigest(int Block, Hash32 Digest);
