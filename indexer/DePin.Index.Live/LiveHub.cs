using DePin.Index.GraphQL;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DePin.Index.Live;

/// <summary>
/// A process's one reader of the block notices: for each notice, in order, it records the head (<see cref="Heads"/>), tells the
/// query engine (<see cref="IGraphQLExecutor.NotifyBlock"/>, so the next query answers at that block) and then hands the notice
/// to the listeners of that deployment (the WebSocket connections), which only queue it. Doing the three in one place keeps
/// them in order: a subscription re-run never reads a head older than the notice that woke it.
/// </summary>
public sealed class LiveHub : IAsyncDisposable
{
    private readonly IGraphQLExecutor? _engine;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Action<BlockNotice>>> _listeners = new(StringComparer.Ordinal);
    private IAsyncDisposable? _subscription;

    private LiveHub(IBlockNoticeBus bus, DeploymentHeads heads, IGraphQLExecutor? engine, ILogger logger)
    {
        Bus = bus;
        Heads = heads;
        _engine = engine;
        _logger = logger;
    }

    public IBlockNoticeBus Bus { get; }

    public DeploymentHeads Heads { get; }

    /// <summary>Subscribes to every deployment's notices on <paramref name="bus"/>.</summary>
    public static async Task<LiveHub> StartAsync(IBlockNoticeBus bus, DeploymentHeads heads, IGraphQLExecutor? engine = null, ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(heads);
        var hub = new LiveHub(bus, heads, engine, logger ?? NullLogger.Instance);
        hub._subscription = await bus.SubscribeAsync(null, hub.OnNoticeAsync, cancellationToken).ConfigureAwait(false);
        return hub;
    }

    /// <summary>Calls <paramref name="listener"/> (which must not block) for each notice of <paramref name="deploymentId"/> until disposed.</summary>
    public IDisposable Listen(string deploymentId, Action<BlockNotice> listener)
    {
        lock (_gate)
        {
            if (!_listeners.TryGetValue(deploymentId, out var list))
            {
                _listeners[deploymentId] = list = [];
            }

            list.Add(listener);
        }

        return new Registration(this, deploymentId, listener);
    }

    public async ValueTask DisposeAsync()
    {
        if (_subscription is not null)
        {
            await _subscription.DisposeAsync().ConfigureAwait(false);
        }
    }

    private ValueTask OnNoticeAsync(BlockNotice notice)
    {
        Heads.Apply(notice);
        if (_engine is not null && notice.BlockNumber <= int.MaxValue)
        {
            _engine.NotifyBlock(notice.DeploymentId, (int)notice.BlockNumber);
        }

        Action<BlockNotice>[] targets;
        lock (_gate)
        {
            targets = _listeners.TryGetValue(notice.DeploymentId, out var list) ? [.. list] : [];
        }

        foreach (var t in targets)
        {
            try
            {
                t(notice);
            }
#pragma warning disable CA1031 // one listener's failure must not starve the others
            catch (Exception e)
#pragma warning restore CA1031
            {
                _logger.LogWarning(e, "A block notice listener of {Deployment} failed", notice.DeploymentId);
            }
        }

        return ValueTask.CompletedTask;
    }

    private void Remove(string deploymentId, Action<BlockNotice> listener)
    {
        lock (_gate)
        {
            if (_listeners.TryGetValue(deploymentId, out var list) && list.Remove(listener) && list.Count == 0)
            {
                _listeners.Remove(deploymentId);
            }
        }
    }

    private sealed class Registration(LiveHub hub, string deploymentId, Action<BlockNotice> listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                hub.Remove(deploymentId, listener);
            }
        }
    }
}
