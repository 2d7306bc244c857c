using System.Collections.Concurrent;

namespace DePin.Index.Live;

/// <summary>
/// The latest head of each deployment as the block notices tell it (a revert moves it back). When no notice was seen yet, an
/// optional loader (the store's cursor) is asked once; notices replace what it said.
/// </summary>
public sealed class DeploymentHeads(Func<string, CancellationToken, Task<DeploymentHead?>>? loader = null)
{
    private readonly ConcurrentDictionary<string, DeploymentHead> _heads = new(StringComparer.Ordinal);

    /// <summary>Records the head a notice announces.</summary>
    public void Apply(BlockNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        _heads[notice.DeploymentId] = new DeploymentHead(notice.BlockNumber, notice.BlockHash);
    }

    /// <summary>The known head, or null.</summary>
    public DeploymentHead? Find(string deploymentId) => _heads.TryGetValue(deploymentId, out var h) ? h : null;

    /// <summary>The known head; else the loader's answer (remembered unless a notice came meanwhile); else null.</summary>
    public async Task<DeploymentHead?> GetAsync(string deploymentId, CancellationToken cancellationToken = default)
    {
        if (_heads.TryGetValue(deploymentId, out var head))
        {
            return head;
        }

        if (loader is null)
        {
            return null;
        }

        var loaded = await loader(deploymentId, cancellationToken).ConfigureAwait(false);
        return loaded is { } l ? _heads.GetOrAdd(deploymentId, l) : null;
    }
}
