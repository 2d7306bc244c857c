using DePin.Index.Chain;
using DePin.Index.Indexing;
using DePin.Index.Pipeline.Internal;
using DePin.Index.Runtime;
using DePin.Index.Store;
using BlockPtr = DePin.Index.Chain.BlockPtr;

namespace DePin.Index.Pipeline;

/// <summary>
/// Indexes one deployment into PostgreSQL so that the store says exactly what the chain says (graph-node's
/// <c>SubgraphRunner</c>). An explicit state machine:
/// <code>
///   Created ──RunAsync──▶ Loading ──ok──▶ Indexing ──stream ended / stop block committed──▶ Completed
///                           │  ▲  └─deployment already failed──▶ Failed          │
///                           │  └──────── Retrying ◀──non-deterministic error─────┤ (also from Loading)
///                           │              (backoff 2^n, capped)                  │
///                           └──────────────── deterministic error ──▶ Failed ◀────┘
///   any state ──cancellation──▶ Stopped
///   Failed ──the failing block left the chain (reorg; with UnfailPollInterval)──▶ Loading
/// </code>
/// <b>Loading</b>: opens the deployment's store (creating its schema when new), reads the cursor, the POI digest and the dynamic
/// data sources, fills the entity cache (the whole deployment when it fits) and compiles the mappings. <b>Indexing</b>: streams
/// from the cursor; each block of a <see cref="ProcessBlocks"/> runs through the <see cref="SubgraphInstance"/> against a cache
/// whose source is the store as of the previous block; blocks are committed in batches (bounded by
/// blocks, changes and time; during backfill many blocks per transaction, near the head — when the stream has nothing ready —
/// each block at once) with their entity changes, cursor, POI digests (chained block by block) and new data sources in ONE
/// store transaction, digested and written on another task while the next blocks are mapped. A <see cref="Revert"/> commits what is mapped, reverts the store to the
/// ancestor in one transaction, drops the cache and goes on. <b>Errors</b> are classified in one place
/// (<see cref="ErrorClassifier"/>, called only from <see cref="RunAsync"/>): deterministic → the blocks mapped before the failing
/// one are committed, the deployment is marked failed at that block with handler and message (nothing of that block is
/// written), <b>Failed</b>; non-deterministic → everything not committed is dropped, <b>Retrying</b> waits
/// <see cref="DeploymentRunnerOptions.RetryBaseDelay"/> · 2^(n−1) (capped at <see cref="DeploymentRunnerOptions.RetryMaxDelay"/>),
/// then <b>Loading</b> resumes from the committed cursor, so no block is skipped or applied twice; cancellation →
/// <b>Stopped</b>, with an uncommitted transaction rolled back. A crash at any point resumes exactly at the last committed block
/// for the same reason. One runner per deployment and store at a time.
/// </summary>
public sealed class DeploymentRunner
{
    private readonly DeploymentDescriptor _deployment;
    private readonly PipelineStore _store;
    private readonly IChainReader _chain;
    private readonly DeploymentRunnerOptions _options;
    private readonly RunnerProgress _progress = new();
    private volatile RunnerState _state = RunnerState.Created;
    private volatile FatalError? _fatalError;
    private volatile string? _lastError;
    private int _consecutiveFailures;
    private BlockPtr? _cursorAtLastFailure;
    private long? _isolateThrough;
    private long? _refusedBlock;
    private int _running;

    /// <param name="deployment">What to index.</param>
    /// <param name="store">The node's PostgreSQL store.</param>
    /// <param name="chain">The deployment's chain (e.g. <see cref="EthRpcChainReader"/>).</param>
    /// <param name="options">Settings; null = defaults.</param>
    public DeploymentRunner(DeploymentDescriptor deployment, PipelineStore store, IChainReader chain, DeploymentRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(chain);
        _options = options ?? new DeploymentRunnerOptions();
        _options.Validate();
        _deployment = deployment;
        _store = store;
        _chain = chain;
    }

    public string DeploymentId => _deployment.Id;

    public DeploymentDescriptor Deployment => _deployment;

    public RunnerState State => _state;

    /// <summary>A snapshot of the runner's state and counters.</summary>
    public RunnerStatus Status => new()
    {
        State = _state,
        CommittedBlock = _progress.Committed,
        ChainHead = _progress.ChainHead,
        Synced = _progress.Synced,
        FatalError = _fatalError,
        LastError = _lastError,
        ConsecutiveFailures = Volatile.Read(ref _consecutiveFailures),
        Retries = _progress.Retries,
        BlocksProcessed = _progress.Blocks,
        HandlersRun = _progress.Handlers,
        ModificationsCommitted = _progress.Modifications,
        BatchesCommitted = _progress.Batches,
        Reverts = _progress.Reverts,
        PrunedVersions = _progress.PrunedVersions,
        CacheStoreReads = _progress.CacheReads,
        Times = _progress.Times,
    };

    /// <summary>
    /// Runs the state machine until a final state: <see cref="RunnerState.Completed"/>, <see cref="RunnerState.Failed"/> or
    /// <see cref="RunnerState.Stopped"/> (when <paramref name="cancellationToken"/> fires). Never throws for indexing errors;
    /// they are handled as the class comment describes. Once per runner.
    /// </summary>
    public async Task<RunnerState> RunAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException($"the runner of {DeploymentId} runs already (once per runner)");
        }

        SetState(RunnerState.Loading);
        IndexingSession? session = null;
        while (_state is RunnerState.Loading or RunnerState.Indexing or RunnerState.Retrying || WatchesFailure)
        {
            try
            {
                switch (_state)
                {
                    case RunnerState.Loading:
                        var (opened, status) = await IndexingSession.OpenAsync(_deployment, _store, _chain, SessionOptions(), _progress, cancellationToken)
                            .ConfigureAwait(false);
                        session = opened;
                        if (session is null)
                        {
                            _fatalError = status.FatalError;
                            Log(MappingLogLevel.Error, $"{DeploymentId} failed earlier: {status.FatalError?.Message}");
                            SetState(RunnerState.Failed);
                        }
                        else
                        {
                            SetState(RunnerState.Indexing);
                        }

                        break;
                    case RunnerState.Indexing:
                        await session!.IndexAsync(cancellationToken).ConfigureAwait(false);
                        SetState(RunnerState.Completed);
                        break;
                    case RunnerState.Retrying:
                        var delay = Backoff.Delay(_consecutiveFailures, _options.RetryBaseDelay, _options.RetryMaxDelay);
                        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                        SetState(RunnerState.Loading);
                        break;
                    case RunnerState.Failed:
                        await WatchFailedBlockAsync(cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
            catch (Exception e)
            {
                var kind = ErrorClassifier.Classify(e, cancellationToken);
                var failing = session;
                await HandleAsync(kind, e, failing, cancellationToken).ConfigureAwait(false);
                session = null;
                if (failing is not null)
                {
                    await failing.DisposeAsync().ConfigureAwait(false);
                }
            }

            if (_state != RunnerState.Indexing && session is not null)
            {
                await session.DisposeAsync().ConfigureAwait(false);
                session = null;
            }
        }

        return _state;
    }

    /// <summary>
    /// Completes once block <paramref name="block"/> (or a later one) is committed; fails with <see cref="InvalidOperationException"/>
    /// when the runner reaches a final state without it.
    /// </summary>
    public async Task WaitForBlockAsync(long block, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var changed = _progress.Changed;
            if (_progress.Committed is { } committed && committed.Number >= block)
            {
                return;
            }

            if (_state is RunnerState.Failed or RunnerState.Completed or RunnerState.Stopped)
            {
                throw new InvalidOperationException(
                    $"{DeploymentId} is {_state} at {(_progress.Committed?.ToString() ?? "no block")} before block #{block}" +
                    (_fatalError is { } f ? $": {f.Message}" : ""));
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The reaction to a failure, as <see cref="ErrorClassifier"/> decided.</summary>
    private async Task HandleAsync(ErrorKind kind, Exception error, IndexingSession? session, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case ErrorKind.Cancelled:
                Log(MappingLogLevel.Info, $"{DeploymentId} stopped at {_progress.Committed?.ToString() ?? "no block"}");
                SetState(RunnerState.Stopped);
                break;
            case ErrorKind.Deterministic when error is StoreRefusalException refusal && !IsConfirmed(refusal):
                // A refusal is narrowed down first: reload (a stale cache is cured by it) and retry one block per transaction up
                // to the refused batch's last block; the deployment fails only when the same single block is refused again.
                _isolateThrough = refusal.LastBlock.Number;
                _refusedBlock = refusal.IsSingleBlock ? refusal.FirstBlock : null;
                Retry(error);
                break;
            case ErrorKind.Deterministic:
                try
                {
                    await FailAsync(error, session, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception recording) when (ErrorClassifier.Classify(recording, cancellationToken) == ErrorKind.NonDeterministic)
                {
                    // The failure could not be recorded (database trouble): retry; reloading reaches the same failure again.
                    Retry(recording);
                }
                catch (Exception) when (cancellationToken.IsCancellationRequested)
                {
                    SetState(RunnerState.Stopped);
                }

                break;
            default:
                Retry(error);
                break;
        }
    }

    private void Retry(Exception error)
    {
        _lastError = error.Message;
        var cursor = _progress.Committed;
        if (cursor != _cursorAtLastFailure)
        {
            // Blocks were committed since the last failure: this one starts a new series (the backoff starts small again).
            Volatile.Write(ref _consecutiveFailures, 0);
            _cursorAtLastFailure = cursor;
        }

        Interlocked.Increment(ref _consecutiveFailures);
        _progress.Retried();
        Log(MappingLogLevel.Warning, $"{DeploymentId}: retrying after a non-deterministic error (attempt {_consecutiveFailures}): {error.Message}");
        SetState(RunnerState.Retrying);
    }

    /// <summary>Commits the blocks mapped before the failing one, then records the failure in the store.</summary>
    private async Task FailAsync(Exception error, IndexingSession? session, CancellationToken cancellationToken)
    {
        var fatal = error switch
        {
            IndexingException ie => new FatalError(ie.Message, checked((int)ie.Block.Number), ie.Block.Hash, ie.Handler),
            StoreRefusalException r => new FatalError($"store error: {r.InnerException?.Message}", checked((int)r.LastBlock.Number), r.LastBlock.Hash),
            TriggerException te => new FatalError($"data source '{te.DataSource}': {te.Message}", checked((int)te.BlockNumber)),
            _ => new FatalError(error.Message, checked((int)_deployment.StartBlock)),
        };
        DeploymentStore store;
        if (session is not null && error is StoreRefusalException)
        {
            store = session.Store; // its writer failed on the refused block: everything before it is committed
        }
        else if (session is not null)
        {
            await session.CommitPendingAsync(cancellationToken).ConfigureAwait(false);
            store = session.Store;
        }
        else
        {
            store = await OpenOrCreateAsync(cancellationToken).ConfigureAwait(false);
        }

        await store.FailAsync(fatal, cancellationToken).ConfigureAwait(false);
        _fatalError = fatal;
        Log(MappingLogLevel.Error, $"{DeploymentId} failed at block {fatal.Block}: {fatal.Message}");
        SetState(RunnerState.Failed);
    }

    /// <summary>True while a failure at a known block is watched for a reorg (<see cref="DeploymentRunnerOptions.UnfailPollInterval"/>).</summary>
    private bool WatchesFailure => _state == RunnerState.Failed && _options.UnfailPollInterval is not null && _fatalError?.BlockHash is not null;

    private bool IsConfirmed(StoreRefusalException refusal) => refusal.IsSingleBlock && _refusedBlock == refusal.FirstBlock;

    /// <summary>The session's options: one block per transaction while a refused batch is narrowed down.</summary>
    private DeploymentRunnerOptions SessionOptions() =>
        _isolateThrough is { } through && (_progress.Committed?.Number ?? long.MinValue) < through ? _options with { MaxBlocksPerBatch = 1 } : _options;

    /// <summary>
    /// graph-node's unfail on revert: waits a poll interval, then reads the chain's block at the failure's number; when it is gone
    /// or has another hash (a reorg replaced it), the failure is cleared in the store and indexing resumes from the cursor (the
    /// stream reverts what the reorg removed below it).
    /// </summary>
    private async Task WatchFailedBlockAsync(CancellationToken cancellationToken)
    {
        var fatal = _fatalError!;
        await Task.Delay(_options.UnfailPollInterval!.Value, cancellationToken).ConfigureAwait(false);
        var blocks = await _chain.GetBlocksAsync([fatal.Block], cancellationToken).ConfigureAwait(false);
        if (blocks.Count > 0 && blocks[0] is { } block && block.Hash == fatal.BlockHash)
        {
            return;
        }

        var store = await OpenOrCreateAsync(cancellationToken).ConfigureAwait(false);
        await store.SetHealthAsync(DeploymentHealth.Healthy, cancellationToken).ConfigureAwait(false);
        _fatalError = null;
        _isolateThrough = _refusedBlock = null;
        Log(MappingLogLevel.Warning, $"{DeploymentId}: the failing block #{fatal.Block} ({fatal.BlockHash}) is no longer on the chain: failure undone, indexing resumes");
        SetState(RunnerState.Loading);
    }

    private async Task<DeploymentStore> OpenOrCreateAsync(CancellationToken cancellationToken)
    {
        var ids = await _store.Subgraphs.ListDeploymentsAsync(cancellationToken).ConfigureAwait(false);
        return ids.Contains(DeploymentId, StringComparer.Ordinal)
            ? await _store.Subgraphs.OpenDeploymentAsync(DeploymentId, cancellationToken).ConfigureAwait(false)
            : await _store.Subgraphs.CreateDeploymentAsync(_deployment.ToSpec(), _options.Ddl, cancellationToken).ConfigureAwait(false);
    }

    private void SetState(RunnerState state)
    {
        _state = state;
        _progress.Signal();
    }

    private void Log(MappingLogLevel level, string message) => _options.Log?.Invoke(level, message);
}
