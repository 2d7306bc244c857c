namespace DePin.Index.Live;

/// <summary>
/// "Deployment <see cref="DeploymentId"/> now stands at block <see cref="BlockNumber"/>": published after every store commit of
/// a runner (and after a revert), read by caches, subscriptions and query nodes in this and other processes.
/// </summary>
/// <param name="DeploymentId">The deployment (<c>Qm…</c>).</param>
/// <param name="BlockNumber">Its new head (the cursor just committed; the ancestor after a revert).</param>
/// <param name="BlockHash">That block's hash, <c>0x</c>-hex.</param>
/// <param name="EntityTypes">Entity types the commit changed; empty when none did. Ignored for a revert (anything may have changed).</param>
public sealed record BlockNotice(string DeploymentId, long BlockNumber, string BlockHash, IReadOnlyList<string> EntityTypes)
{
    /// <summary>True when the deployment was reverted to <see cref="BlockNumber"/> by a reorg.</summary>
    public bool Revert { get; init; }

    /// <summary>When the notice was published: Unix time in microseconds (wall clock, comparable across processes of one machine).</summary>
    public long PublishedAtMicros { get; init; }

    /// <summary>Whether a result that read <paramref name="readTypes"/> may differ after this notice (null = unknown = always).</summary>
    public bool Touches(IReadOnlyCollection<string>? readTypes)
    {
        if (Revert || readTypes is null)
        {
            return true;
        }

        foreach (var t in EntityTypes)
        {
            if (readTypes.Contains(t))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The current wall clock in Unix microseconds.</summary>
    public static long NowMicros() => (DateTimeOffset.UtcNow.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
}
