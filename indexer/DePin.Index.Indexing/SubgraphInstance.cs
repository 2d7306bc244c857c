using System.Diagnostics;
using DePin.Index.Chain;
using DePin.Index.Indexing.Internal;
using DePin.Index.Runtime;
using DePin.Index.Runtime.Triggers;
using DePin.Index.Subgraph;

namespace DePin.Index.Indexing;

/// <summary>
/// A subgraph being indexed, in memory: turns blocks of triggers into entity changes (graph-node's
/// <c>SubgraphRunner::process_block</c>). Loading compiles each mapping once. Blocks come in increasing order;
/// for each trigger, in the stream's order, the data source's handler runs against an <see cref="EntityCache"/>
/// over the <see cref="IEntitySource"/>, and the block's changes come back as one <see cref="BlockChanges"/>,
/// which the caller writes (for <see cref="InMemoryEntitySource"/>: <see cref="InMemoryEntitySource.Apply(BlockChanges)"/>)
/// before the next block. Handlers that call <c>dataSource.create</c> add data sources active from their block on:
/// their triggers in the same block run after the block's other triggers (<see cref="ProcessBlockAsync"/> fetches
/// them). A failing handler stops the block: nothing of it is kept and an <see cref="IndexingException"/> names
/// block, data source, handler and reason; when deterministic the subgraph is failed (<see cref="Failure"/>) and
/// refuses further blocks until a revert below the failed block. One thread at a time.
/// </summary>
public sealed class SubgraphInstance : IDisposable
{
    private readonly EntityCache _cache;
    private readonly TriggerMarshaller _marshaller;
    private readonly MappingHosts _hosts;
    private readonly SchemaAdapter _schema;
    private readonly IEthereumCallAdapter? _ethereum;
    private readonly Action<MappingLogLevel, string>? _log;
    private readonly List<DataSourceInstance> _dataSources;
    private bool _disposed;

    /// <exception cref="MappingModuleException">when a mapping cannot be read or compiled.</exception>
    public SubgraphInstance(SubgraphDefinition definition, IEntitySource source, SubgraphInstanceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(source);
        options ??= new SubgraphInstanceOptions();
        Definition = definition;
        _schema = new SchemaAdapter(definition.Schema);
        _cache = new EntityCache(source, definition.Schema);
        _marshaller = new TriggerMarshaller(definition);
        _ethereum = options.Ethereum;
        _log = options.Log;
        _hosts = new MappingHosts(definition, options.Host);
        _dataSources = [.. DataSourceInstance.FromManifest(definition.Manifest), .. options.DynamicDataSources];
        foreach (var ds in _dataSources)
        {
            _hosts.For(ds);
        }
    }

    public SubgraphDefinition Definition { get; }

    /// <summary>Static data sources in manifest order, then the dynamic ones in creation order: what the block stream matches.</summary>
    public IReadOnlyList<DataSourceInstance> DataSources => _dataSources;

    /// <summary>The last block processed; null before the first.</summary>
    public BlockPtr? LastBlock { get; private set; }

    /// <summary>Time spent per processing stage so far.</summary>
    public ProcessingTimings Timings { get; } = new();

    /// <summary>The deterministic failure that stopped the subgraph; null while it is healthy.</summary>
    public IndexingException? Failure { get; private set; }

    /// <summary>Processes a block whose handlers create no data sources (those need <see cref="ProcessBlockAsync"/>).</summary>
    /// <exception cref="IndexingException">when a handler fails; nothing of the block is kept.</exception>
    public BlockChanges ProcessBlock(BlockWithTriggers block)
    {
        var task = ProcessBlockAsync(block, null, CancellationToken.None);
        return task.IsCompleted ? task.GetAwaiter().GetResult() : throw new InvalidOperationException("unreachable: no trigger loader was given");
    }

    /// <summary>Processes a block; <paramref name="newTriggers"/> supplies the block's triggers of data sources its handlers create.</summary>
    /// <exception cref="IndexingException">when a handler fails; nothing of the block is kept.</exception>
    public async Task<BlockChanges> ProcessBlockAsync(BlockWithTriggers block, NewDataSourceTriggers? newTriggers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(block);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Failure is { } failure)
        {
            throw new InvalidOperationException($"the subgraph failed at block {failure.Block}: {failure.Message}", failure);
        }

        if (LastBlock is { } last && block.Number <= last.Number)
        {
            throw new ArgumentException($"block {block.Ptr} is not after the last processed block {last}", nameof(block));
        }

        var run = new BlockRun(block.Ptr);
        _cache.BeginBlock(block.Number);
        try
        {
            RunTriggers(block, run);
            var pending = run.Created.Count;
            while (pending > 0)
            {
                var created = run.Created.GetRange(run.Created.Count - pending, pending);
                if (newTriggers is null)
                {
                    throw new InvalidOperationException(
                        $"block {block.Ptr}: handlers created data sources ({string.Join(", ", created)}); process it with ProcessBlockAsync and a trigger loader");
                }

                var extra = await newTriggers(block.Ptr, created, cancellationToken).ConfigureAwait(false);
                if (extra.Ptr != block.Ptr)
                {
                    throw new InvalidOperationException($"the trigger loader returned block {extra.Ptr} for block {block.Ptr}");
                }

                var before = run.Created.Count;
                RunTriggers(extra, run);
                pending = run.Created.Count - before;
            }

            var modifications = EndBlock(run);
            _dataSources.AddRange(run.Created);
            LastBlock = block.Ptr;
            return new BlockChanges(block.Ptr, modifications, run.Created) { HandlersRun = run.Handlers, FuelConsumed = run.Fuel };
        }
        catch (Exception e)
        {
            _cache.Discard();
            foreach (var ds in run.Created)
            {
                _hosts.Forget(ds);
            }

            if (e is IndexingException { IsDeterministic: true } failed)
            {
                Failure = failed;
            }

            throw;
        }
    }

    /// <summary>
    /// Forgets what was processed above <paramref name="ancestor"/> (a reorg; the store reverts the entities): the
    /// data sources created above it go, and a failure above it is cleared.
    /// </summary>
    public void RevertTo(BlockPtr ancestor)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (var ds in _dataSources.Where(d => d.CreationBlock > ancestor.Number).ToList())
        {
            _dataSources.Remove(ds);
            _hosts.Forget(ds);
        }

        if (Failure is { } failure && failure.Block.Number > ancestor.Number)
        {
            Failure = null;
        }

        if (LastBlock is { } last && last.Number > ancestor.Number)
        {
            LastBlock = ancestor;
        }
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _hosts.Dispose();
        }
    }

    private void RunTriggers(BlockWithTriggers block, BlockRun run)
    {
        _marshaller.BeginBlock(block);
        foreach (var trigger in block.Triggers)
        {
            MappingTrigger? mapped;
            string? skipped;
            var started = Stopwatch.GetTimestamp();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                var marshalled = _marshaller.TryMarshal(trigger, out mapped, out skipped);
                Timings.MarshalTicks += Stopwatch.GetTimestamp() - started;
                Timings.MarshalBytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
                if (!marshalled)
                {
                    _log?.Invoke(MappingLogLevel.Warning, $"block {block.Ptr}: {skipped}");
                    continue;
                }
            }
            catch (InvalidOperationException e)
            {
                throw new IndexingException(block.Ptr, trigger.DataSource.Name, trigger.Handler, e.Message, isDeterministic: false, e);
            }

            var host = _hosts.For(trigger.DataSource);
            _cache.Writer = trigger.Handler;
            HandlerResult result;
            started = Stopwatch.GetTimestamp();
            allocated = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                result = host.Instance.Invoke(new HandlerInvocation
                {
                    Handler = trigger.Handler,
                    Trigger = mapped!,
                    Store = _cache,
                    DataSource = host.Info,
                    Schema = _schema,
                    Ethereum = _ethereum,
                    Log = _log,
                    IncludeReceipt = trigger.EventHandler?.Receipt ?? false,
                });
            }
            catch (MappingException e)
            {
                throw new IndexingException(block.Ptr, trigger.DataSource.Name, e.Handler, e.Reason, e.IsDeterministic, e);
            }
            finally
            {
                Timings.HandlerTicks += Stopwatch.GetTimestamp() - started;
                Timings.HandlerBytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
            }

            run.Handlers++;
            run.Fuel += result.FuelConsumed;
            foreach (var creation in result.CreatedDataSources)
            {
                try
                {
                    run.Created.Add(_hosts.Create(creation, block.Number));
                }
                catch (ArgumentException e)
                {
                    throw new IndexingException(block.Ptr, trigger.DataSource.Name, trigger.Handler, e.Message, isDeterministic: true, e);
                }
            }
        }
    }

    private IReadOnlyList<Store.EntityModification> EndBlock(BlockRun run)
    {
        var started = Stopwatch.GetTimestamp();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            return _cache.EndBlock();
        }
        catch (EntityConflictException e)
        {
            throw new IndexingException(run.Block, null, e.Handler, e.Message, isDeterministic: true, e);
        }
        finally
        {
            Timings.EndBlockTicks += Stopwatch.GetTimestamp() - started;
            Timings.EndBlockBytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
        }
    }

    /// <summary>What a block produced so far.</summary>
    private sealed class BlockRun(BlockPtr block)
    {
        public BlockPtr Block { get; } = block;

        public List<DataSourceInstance> Created { get; } = [];

        public int Handlers { get; set; }

        public ulong Fuel { get; set; }
    }
}
