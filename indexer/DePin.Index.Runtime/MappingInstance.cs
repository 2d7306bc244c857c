using DePin.Index.Runtime.Asc;
using DePin.Index.Runtime.Hosting;
using Wasmtime;

namespace DePin.Index.Runtime;

/// <summary>
/// A pooled instance of a <see cref="MappingModule"/>. graph-node runs every handler in a fresh
/// instance; instantiating costs tens of microseconds, so this host instead snapshots the
/// linear memory and every mutable global right after <c>_start</c> and restores them before
/// each call (bytes above the snapshot are zeroed, the host's allocation arena is forgotten):
/// every handler sees exactly the heap a fresh instance would have. The only difference a
/// module could observe is <c>memory.size</c>, which stays at its high-water mark; an instance
/// whose memory grew beyond <see cref="MappingHostOptions.MaxPooledMemoryBytes"/> is replaced by
/// a fresh one instead. Not thread-safe: use one instance per thread.
/// </summary>
public sealed class MappingInstance : IDisposable
{
    private readonly MappingModule _module;
    private readonly InstanceContext _ctx;
    private readonly Linker _linker;
    private readonly Dictionary<string, Action<int>?> _handlers = new(StringComparer.Ordinal);
    private Store? _store;
    private Instance? _instance;
    private Memory? _memory;
    private byte[] _snapshot = [];
    private GlobalSnapshot? _globals;
    private bool _dirty;
    private bool _disposed;

    internal MappingInstance(MappingModule module)
    {
        _module = module;
        _ctx = new InstanceContext(module.ApiVersion, module.Options, module.TypeIds);
        _linker = new Linker(module.Engine);
        var defined = new HashSet<(string, string)>();
        foreach (var (import, function) in module.Bindings)
        {
            if (defined.Add((import.ModuleName, import.Name)))
            {
                function.Define(_linker, import, _ctx);
            }
        }

        Instantiate();
    }

    /// <summary>Current size of the instance's linear memory in bytes (it only grows; see the class remarks).</summary>
    public long MemoryBytes => _memory?.GetLength() ?? 0;

    /// <summary>Bytes restored from the post-<c>_start</c> snapshot on each reset (the rest is zeroed).</summary>
    public int SnapshotBytes => _snapshot.Length;

    /// <summary>Number of times this pooled instance was (re)created from the module.</summary>
    public int Instantiations { get; private set; }

    /// <summary>
    /// Runs a handler. On success the handler's entity changes are applied to
    /// <see cref="HandlerInvocation.Store"/> and its data source creations returned; on failure
    /// nothing is applied and a <see cref="DeterministicMappingException"/> or
    /// <see cref="NonDeterministicMappingException"/> names the handler, block and reason.
    /// </summary>
    public HandlerResult Invoke(HandlerInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_dirty)
        {
            Reset();
        }

        _dirty = true;
        var options = _module.Options;
        var store = _store!;
        store.Fuel = options.FuelPerHandler;
        store.SetEpochDeadline(EpochTicker.TicksFor(options.HandlerTimeout));
        _ctx.BeginInvocation(invocation);
        _ctx.Heap.Refresh();
        try
        {
            var handler = Handler(invocation.Handler);
            var argument = _ctx.Heap.WriteTrigger(invocation.Trigger, _module.ApiVersion, invocation.IncludeReceipt);
            handler((int)argument);
            var fuel = options.FuelPerHandler - store.Fuel;
            _ctx.Entities.Commit();
            return new HandlerResult(_ctx.CreatedDataSources.Count == 0 ? [] : _ctx.CreatedDataSources.ToArray(), fuel);
        }
        catch (Exception e) when (e is not MappingException)
        {
            throw Classify(invocation, e);
        }
        finally
        {
            _ctx.EndInvocation();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _store?.Dispose();
        _linker.Dispose();
    }

    private Action<int> Handler(string name)
    {
        if (!_handlers.TryGetValue(name, out var handler))
        {
            handler = _instance!.GetAction<int>(name);
            _handlers[name] = handler;
        }

        return handler ?? throw HostException.Fail($"the module exports no handler function '{name}(i32)'");
    }

    private void Instantiate()
    {
        _store?.Dispose();
        _handlers.Clear();
        var options = _module.Options;
        var store = new Store(_module.Engine);
        store.SetLimits(memorySize: options.MaxMemoryBytes);
        store.Fuel = options.FuelPerHandler;
        store.SetEpochDeadline(EpochTicker.TicksFor(options.HandlerTimeout));
        _store = store;
        try
        {
            var instance = _linker.Instantiate(store, _module.WasmModule);
            _memory = instance.GetMemory("memory")!;
            _ctx.Heap.Bind(_memory, instance.GetFunction<int, int>("allocate")!, instance.GetFunction<int, int>("id_of_type")!);
            if (_module.Rewritten.StartExport is { } start)
            {
                instance.GetAction(start)!();
            }

            instance.GetAction("_start")!();
            _instance = instance;
        }
        catch (Exception e) when (e is WasmtimeException or HostException or InvalidOperationException)
        {
            var reason = _ctx.Failure?.Message ?? e.Message;
            throw new MappingModuleException($"the module failed to start: {reason}", e);
        }

        _snapshot = _memory.GetSpan(0, checked((int)_memory.GetLength())).ToArray();
        _globals = GlobalSnapshot.Capture(_instance, _module.Rewritten.MutableGlobals);
        _ctx.Heap.ResetArena();
        Instantiations++;
        _dirty = false;
    }

    private void Reset()
    {
        var memory = _memory!;
        var length = memory.GetLength();
        if (length > _snapshot.Length && length > _module.Options.MaxPooledMemoryBytes)
        {
            Instantiate();
            return;
        }

        _snapshot.CopyTo(memory.GetSpan(0, _snapshot.Length));
        if (length > _snapshot.Length)
        {
            memory.GetSpan(_snapshot.Length, (int)(length - _snapshot.Length)).Clear();
        }

        _globals!.Restore();
        _ctx.Heap.ResetArena();
        _dirty = false;
    }

    private MappingException Classify(HandlerInvocation invocation, Exception error)
    {
        var handler = invocation.Handler;
        var block = invocation.Trigger.Block.Number;
        var failure = _ctx.Failure ?? error as HostException;
        if (failure is not null)
        {
            return failure.Deterministic
                ? new DeterministicMappingException(handler, block, failure.Message, error)
                : new NonDeterministicMappingException(handler, block, failure.Message, error);
        }

        var options = _module.Options;
        var reason = error switch
        {
            TrapException { Type: TrapCode.OutOfFuel } => $"out of fuel: the handler used more than its budget of {options.FuelPerHandler} fuel",
            TrapException { Type: TrapCode.Interrupt } => $"the handler exceeded its wall-clock limit of {options.HandlerTimeout.TotalMilliseconds} ms",
            TrapException { Type: TrapCode.StackOverflow } => $"stack overflow: the handler exceeded the WebAssembly stack limit of {options.MaxStackBytes} bytes",
            TrapException { Type: TrapCode.Unreachable } trap when IsAllocationFailure(trap) =>
                $"out of memory: the module could not grow its memory beyond {_memory!.GetLength()} bytes " +
                $"within the memory limit of {options.MaxMemoryBytes} bytes ({OneLine(error.Message)})",
            TrapException trap => $"wasm trap: {OneLine(trap.Message)}",
            WasmtimeException => $"wasm error: {OneLine(error.Message)}",
            _ => $"host error: {error.GetType().Name}: {OneLine(error.Message)}",
        };
        return new DeterministicMappingException(handler, block, reason, error);
    }

    /// <summary>
    /// AssemblyScript's allocator executes <c>unreachable</c> when <c>memory.grow</c> fails; it
    /// grows by doubling, so a failure can come well before the limit itself.
    /// </summary>
    private bool IsAllocationFailure(TrapException trap) =>
        trap.Message.Contains("~lib/rt/", StringComparison.Ordinal)
        || (_memory!.GetLength() * 2) + Memory.PageSize > _module.Options.MaxMemoryBytes;

    private static string OneLine(string text) => text.ReplaceLineEndings("\t");
}
