namespace DePin.Index.Node.Status;

/// <summary>
/// Where the status API reads indexing progress (graph-node's index-node queries the store for it). The pipeline
/// feeds it; <see cref="IndexingStatusBoard"/> is the in-process implementation, a store-backed one can replace it.
/// </summary>
public interface IIndexingStatusSource
{
    /// <summary>The deployment's progress; null when indexing has not reported anything for it yet.</summary>
    Task<IndexingProgress?> GetProgressAsync(string deploymentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The proof of indexing of the deployment at a block (32 bytes), for <paramref name="indexer"/> (20-byte address,
    /// null for the public POI); null when it is not known for that block (or the hash does not match).
    /// </summary>
    Task<byte[]?> GetProofOfIndexingAsync(string deploymentId, long blockNumber, string? blockHash, byte[]? indexer,
        CancellationToken cancellationToken = default);
}
