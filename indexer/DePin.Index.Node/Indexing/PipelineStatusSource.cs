using DePin.Index.Ethereum.Primitives;
using DePin.Index.Node.Status;
using DePin.Index.Pipeline;
using DePin.Index.Store;

namespace DePin.Index.Node.Indexing;

/// <summary>The status API's view of the <see cref="IndexingService"/>: the store's record of each deployment merged with its runner.</summary>
internal sealed class PipelineStatusSource(IndexingService indexing) : IIndexingStatusSource
{
    public async Task<IndexingProgress?> GetProgressAsync(string deploymentId, CancellationToken cancellationToken = default)
    {
        if (await indexing.GetStatusAsync(deploymentId, cancellationToken).ConfigureAwait(false) is not { } s)
        {
            return null;
        }

        return ToProgress(s);
    }

    public async Task<byte[]?> GetProofOfIndexingAsync(string deploymentId, long blockNumber, string? blockHash, byte[]? indexer,
        CancellationToken cancellationToken = default)
    {
        var poi = await indexing.GetProofOfIndexingAsync(deploymentId, blockNumber, blockHash is null ? null : Hash32.Parse(blockHash),
            indexer is null ? null : new Address(indexer), cancellationToken).ConfigureAwait(false);
        return poi?.ToArray();
    }

    internal static IndexingProgress ToProgress(DeploymentStatusReport s)
    {
        var latest = s.LatestBlock is { } b ? new StatusBlock(b.Number, b.Hash.ToHex()) : null;
        var fatal = s.FatalError is { } f
            ? new IndexingError(f.Message, f.BlockHash is { } h ? new StatusBlock(f.Block, h.ToHex()) : new StatusBlock(f.Block, ""), f.Handler, Deterministic: true)
            : null;
        var nonFatal = s.LastError is { } last && s.ConsecutiveFailures > 0
            ? new[] { new IndexingError(last, null, null, Deterministic: false) }
            : [];
        return new IndexingProgress
        {
            Health = s.Health switch
            {
                DeploymentHealth.Failed => IndexingHealth.Failed,
                DeploymentHealth.Unhealthy => IndexingHealth.Unhealthy,
                _ => IndexingHealth.Healthy,
            },
            Synced = s.Synced, // sticky once caught up, as graph-node's
            ChainHead = s.ChainHead is { } chainHead ? new StatusBlock(chainHead, "") : null,
            EarliestBlock = s.EarliestBlock,
            LatestBlock = latest,
            LastHealthyBlock = fatal is null ? null : latest,
            EntityCount = s.EntityCount,
            FatalError = fatal,
            NonFatalErrors = nonFatal,
        };
    }
}
