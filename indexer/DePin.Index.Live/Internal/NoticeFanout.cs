using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace DePin.Index.Live.Internal;

/// <summary>
/// Hands notices to subscribers, each through its own unbounded queue and reader task, so a slow handler delays only itself and
/// sees notices in order.
/// </summary>
internal sealed class NoticeFanout(LiveMetrics metrics, ILogger logger) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Subscriber> _subscribers = [];

    public void Deliver(BlockNotice notice)
    {
        Subscriber[] targets;
        lock (_gate)
        {
            targets = [.. _subscribers];
        }

        foreach (var s in targets)
        {
            if (s.DeploymentId is null || string.Equals(s.DeploymentId, notice.DeploymentId, StringComparison.Ordinal))
            {
                s.Queue.Writer.TryWrite(notice);
            }
        }
    }

    public IAsyncDisposable Add(string? deploymentId, Func<BlockNotice, ValueTask> handler)
    {
        var s = new Subscriber(this, deploymentId, handler);
        lock (_gate)
        {
            _subscribers.Add(s);
        }

        s.Start();
        return s;
    }

    public async ValueTask DisposeAsync()
    {
        Subscriber[] all;
        lock (_gate)
        {
            all = [.. _subscribers];
        }

        foreach (var s in all)
        {
            await s.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Remove(Subscriber s)
    {
        lock (_gate)
        {
            _subscribers.Remove(s);
        }
    }

    private sealed class Subscriber(NoticeFanout owner, string? deploymentId, Func<BlockNotice, ValueTask> handler) : IAsyncDisposable
    {
        private Task _loop = Task.CompletedTask;

        public string? DeploymentId { get; } = deploymentId;

        public Channel<BlockNotice> Queue { get; } = Channel.CreateUnbounded<BlockNotice>(new UnboundedChannelOptions { SingleReader = true });

        public void Start() => _loop = Task.Run(LoopAsync);

        public async ValueTask DisposeAsync()
        {
            owner.Remove(this);
            Queue.Writer.TryComplete();
            await _loop.ConfigureAwait(false);
        }

        private async Task LoopAsync()
        {
            await foreach (var notice in Queue.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                owner.Received();
                try
                {
                    await handler(notice).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // a subscriber's failure must not end its subscription
                catch (Exception e)
#pragma warning restore CA1031
                {
                    owner.HandlerFailed(notice, e);
                }
            }
        }
    }

    private void Received() => metrics.NoticeReceived();

    private void HandlerFailed(BlockNotice notice, Exception e) =>
        logger.LogWarning(e, "A block notice handler failed for {Deployment} at block {Block}", notice.DeploymentId, notice.BlockNumber);
}
