using System.Collections.Concurrent;
using System.Diagnostics;

namespace DePin.Index.Live;

/// <summary>
/// The latest head of each deployment as the block notices tell it (a revert moves it back). For a deployment no notice was seen
/// for yet, an optional loader (the store's cursor) is asked, and its answer is trusted for <see cref="LoadedHeadLifetime"/> only:
/// a node whose notices do not arrive keeps asking rather than keying results by a head that moved on.
/// </summary>
public sealed class DeploymentHeads(Func<string, CancellationToken, Task<DeploymentHead?>>? loader = null)
{
    private readonly ConcurrentDictionary<string, DeploymentHead> _heads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DeploymentHead Head, long LoadedAt)> _loaded = new(StringComparer.Ordinal);

    /// <summary>How long a head read by the loader is used before it is read again. Default 1 s.</summary>
    public TimeSpan LoadedHeadLifetime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Records the head a notice announces.</summary>
    public void Apply(BlockNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        _heads[notice.DeploymentId] = new DeploymentHead(notice.BlockNumber, notice.BlockHash);
        _loaded.TryRemove(notice.DeploymentId, out _);
    }

    /// <summary>The head the notices announced, or null.</summary>
    public DeploymentHead? Find(string deploymentId) => _heads.TryGetValue(deploymentId, out var h) ? h : null;

    /// <summary>The announced head; else the loader's (fresh enough) answer; else null.</summary>
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

        if (_loaded.TryGetValue(deploymentId, out var l) && Stopwatch.GetElapsedTime(l.LoadedAt) < LoadedHeadLifetime)
        {
            return l.Head;
        }

        var loaded = await loader(deploymentId, cancellationToken).ConfigureAwait(false);
        if (loaded is { } h)
        {
            _loaded[deploymentId] = (h, Stopwatch.GetTimestamp());
        }

        return _heads.TryGetValue(deploymentId, out var announced) ? announced : loaded;
    }
}
