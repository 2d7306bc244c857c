using System.Collections.Concurrent;

namespace DePin.Index.Node.Status;

/// <summary>
/// An in-process <see cref="IIndexingStatusSource"/>: the indexing loop reports each deployment's progress and the
/// POI digests it computes here; the status API reads them. Thread-safe. It keeps the latest
/// <see cref="MaxProofsPerDeployment"/> POIs per deployment; POIs are public ones (an indexer address is not mixed in:
/// asking for one returns null).
/// </summary>
public sealed class IndexingStatusBoard : IIndexingStatusSource
{
    public const int MaxProofsPerDeployment = 10_000;

    private readonly ConcurrentDictionary<string, IndexingProgress> _progress = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SortedList<long, (string Hash, byte[] Poi)>> _proofs = new(StringComparer.Ordinal);

    /// <summary>Records the deployment's current progress (replacing the previous report).</summary>
    public void Report(string deploymentId, IndexingProgress progress)
    {
        ArgumentNullException.ThrowIfNull(deploymentId);
        ArgumentNullException.ThrowIfNull(progress);
        _progress[deploymentId] = progress;
    }

    /// <summary>Records the public POI of a block.</summary>
    public void ReportProofOfIndexing(string deploymentId, long blockNumber, string blockHash, byte[] proofOfIndexing)
    {
        ArgumentNullException.ThrowIfNull(deploymentId);
        ArgumentNullException.ThrowIfNull(blockHash);
        ArgumentNullException.ThrowIfNull(proofOfIndexing);
        var proofs = _proofs.GetOrAdd(deploymentId, _ => []);
        lock (proofs)
        {
            proofs[blockNumber] = (blockHash, proofOfIndexing.ToArray());
            while (proofs.Count > MaxProofsPerDeployment)
            {
                proofs.RemoveAt(0);
            }
        }
    }

    /// <summary>Forgets a deployment (e.g. when it is unassigned from this node).</summary>
    public void Forget(string deploymentId)
    {
        _progress.TryRemove(deploymentId, out _);
        _proofs.TryRemove(deploymentId, out _);
    }

    public Task<IndexingProgress?> GetProgressAsync(string deploymentId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_progress.TryGetValue(deploymentId, out var progress) ? progress : null);

    public Task<byte[]?> GetProofOfIndexingAsync(string deploymentId, long blockNumber, string? blockHash, byte[]? indexer,
        CancellationToken cancellationToken = default)
    {
        if (indexer is not null || !_proofs.TryGetValue(deploymentId, out var proofs))
        {
            return Task.FromResult<byte[]?>(null);
        }

        lock (proofs)
        {
            return Task.FromResult(proofs.TryGetValue(blockNumber, out var entry)
                                   && (blockHash is null || string.Equals(blockHash, entry.Hash, StringComparison.OrdinalIgnoreCase))
                ? entry.Poi.ToArray()
                : null);
        }
    }
}
