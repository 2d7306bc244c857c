using DePin.Index.Pipeline;
using Microsoft.Extensions.Logging;

namespace DePin.Index.Node.Indexing;

/// <summary>
/// Keeps the <see cref="IndexingService"/> running exactly the deployments the registry assigns to this node: at start, after
/// every change through the admin API (<see cref="Poke"/>) and every poll interval (another node may have changed them). A new
/// assignment is written out from IPFS and started; an assignment that went away (remove, reassign) is stopped, its data kept.
/// A deployment that cannot start (a network this node has no RPC for, files missing) is logged once per distinct problem and
/// tried again at the next sync.
/// </summary>
internal sealed class AssignmentSupervisor : IAsyncDisposable
{
    private readonly IDeploymentRegistry _registry;
    private readonly IndexingService _indexing;
    private readonly DeploymentFiles _files;
    private readonly string _nodeId;
    private readonly TimeSpan _poll;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sync = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly HashSet<string> _started = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _problems = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public AssignmentSupervisor(IDeploymentRegistry registry, IndexingService indexing, DeploymentFiles files, string nodeId, TimeSpan poll, ILogger logger)
    {
        _registry = registry;
        _indexing = indexing;
        _files = files;
        _nodeId = nodeId;
        _poll = poll;
        _logger = logger;
    }

    /// <summary>The deployments this supervisor started and has not stopped.</summary>
    public IReadOnlyCollection<string> Started
    {
        get
        {
            lock (_started)
            {
                return [.. _started];
            }
        }
    }

    /// <summary>Why a deployment could not start (the last problem), by id.</summary>
    public IReadOnlyDictionary<string, string> Problems
    {
        get
        {
            lock (_problems)
            {
                return new Dictionary<string, string>(_problems, StringComparer.Ordinal);
            }
        }
    }

    public void Start() => _loop = Task.Run(() => LoopAsync(_stop.Token));

    /// <summary>Asks for a sync now (assignments changed).</summary>
    public void Poke()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // a sync is already asked for
        }
    }

    /// <summary>Starts what is assigned and not running; stops what runs and is no longer assigned.</summary>
    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        await _sync.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var assigned = await _registry.ListDeploymentsAsync(_nodeId, cancellationToken).ConfigureAwait(false);
            var wanted = assigned.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var id in Started.Where(id => !wanted.Contains(id)))
            {
                await _indexing.StopDeploymentAsync(id, cancellationToken).ConfigureAwait(false);
                lock (_started)
                {
                    _started.Remove(id);
                }

                _logger.LogInformation("Stopped indexing {Deployment}: no longer assigned to node {Node}", id, _nodeId);
            }

            foreach (var record in assigned)
            {
                if (Started.Contains(record.Id))
                {
                    continue; // running, or finished (failed, stop block): it stays as it ended until it is assigned again
                }

                await StartAsync(record, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _sync.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
        _sync.Dispose();
        _wake.Dispose();
    }

    private async Task StartAsync(DeploymentRecord record, CancellationToken cancellationToken)
    {
        try
        {
            var descriptor = await _files.WriteOutAsync(record, cancellationToken).ConfigureAwait(false);
            await _indexing.StartDeploymentAsync(descriptor, cancellationToken).ConfigureAwait(false);
            lock (_started)
            {
                _started.Add(record.Id);
            }

            lock (_problems)
            {
                _problems.Remove(record.Id);
            }

            _logger.LogInformation("Started indexing {Deployment} ({Names}) on network {Network} from block {Start}",
                record.Id, string.Join(", ", record.Names), descriptor.Network, descriptor.StartBlock);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            bool fresh;
            lock (_problems)
            {
                fresh = !_problems.TryGetValue(record.Id, out var old) || old != e.Message;
                _problems[record.Id] = e.Message;
            }

            if (fresh)
            {
                _logger.LogError("Cannot index {Deployment}: {Problem} (tried again at each sync)", record.Id, e.Message);
            }
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await SyncAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.LogWarning("Reading the deployments assigned to node {Node} failed: {Problem}", _nodeId, e.Message);
            }

            try
            {
                await _wake.WaitAsync(_poll, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
