using DePin.Index.Ethereum.Rpc;
using DePin.Index.Subgraph.Manifest;

namespace DePin.Index.Chain;

/// <summary>
/// One handler to run: a data source, the handler's name and what triggered it — a <see cref="Log"/> (event
/// handler) or the block itself (block handler).
/// </summary>
public sealed class Trigger
{
    private Trigger(TriggerKind kind, DataSourceInstance dataSource, string handler, MappingEventHandler? eventHandler,
        MappingBlockHandler? blockHandler, Log? log, long blockNumber)
    {
        Kind = kind;
        DataSource = dataSource;
        Handler = handler;
        EventHandler = eventHandler;
        BlockHandler = blockHandler;
        Log = log;
        BlockNumber = blockNumber;
    }

    public TriggerKind Kind { get; }

    public DataSourceInstance DataSource { get; }

    /// <summary>The mapping function to call.</summary>
    public string Handler { get; }

    /// <summary>The event handler of a <see cref="TriggerKind.Log"/> trigger, otherwise null.</summary>
    public MappingEventHandler? EventHandler { get; }

    /// <summary>The block handler of a block trigger, otherwise null.</summary>
    public MappingBlockHandler? BlockHandler { get; }

    /// <summary>The log of a <see cref="TriggerKind.Log"/> trigger, otherwise null.</summary>
    public Log? Log { get; }

    public long BlockNumber { get; }

    /// <summary>An event handler triggered by a log.</summary>
    public static Trigger ForLog(DataSourceInstance dataSource, MappingEventHandler handler, Log log)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(log);
        return new Trigger(TriggerKind.Log, dataSource, handler.Handler, handler, null, log, log.BlockNumber);
    }

    /// <summary>A block handler (<see cref="TriggerKind.BlockStart"/> or <see cref="TriggerKind.BlockEnd"/>).</summary>
    public static Trigger ForBlock(DataSourceInstance dataSource, MappingBlockHandler handler, TriggerKind kind, long blockNumber)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(handler);
        if (kind == TriggerKind.Log) throw new ArgumentException("a block trigger is BlockStart or BlockEnd", nameof(kind));
        return new Trigger(kind, dataSource, handler.Handler, null, handler, null, blockNumber);
    }

    public override string ToString() => Kind == TriggerKind.Log
        ? $"{DataSource.Name}.{Handler} log #{BlockNumber}:{Log!.LogIndex}"
        : $"{DataSource.Name}.{Handler} {Kind} #{BlockNumber}";
}
