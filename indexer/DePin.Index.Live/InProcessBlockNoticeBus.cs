using DePin.Index.Live.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DePin.Index.Live;

/// <summary>Block notices inside one process (a node without Redis): each subscriber has its own ordered queue.</summary>
public sealed class InProcessBlockNoticeBus(LiveMetrics? metrics = null, ILogger? logger = null) : IBlockNoticeBus
{
    private readonly NoticeFanout _fanout = new(metrics ?? new LiveMetrics(), logger ?? NullLogger.Instance);
    private readonly LiveMetrics _metrics = metrics ?? new LiveMetrics();

    public Task PublishAsync(BlockNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var stamped = notice.PublishedAtMicros == 0 ? notice with { PublishedAtMicros = BlockNotice.NowMicros() } : notice;
        _metrics.NoticePublished();
        _fanout.Deliver(stamped);
        return Task.CompletedTask;
    }

    public Task<IAsyncDisposable> SubscribeAsync(string? deploymentId, Func<BlockNotice, ValueTask> handler, CancellationToken cancellationToken = default) =>
        Task.FromResult(_fanout.Add(deploymentId, handler));

    public ValueTask DisposeAsync() => _fanout.DisposeAsync();
}
