using DePin.Index.Runtime.Triggers;

namespace DePin.Index.Runtime;

/// <summary>
/// One handler call: the exported handler, its trigger and the environment it runs against.
/// Build one per data source and derive calls with <c>with { Handler = …, Trigger = … }</c>.
/// </summary>
public sealed record HandlerInvocation
{
    /// <summary>The exported handler function, e.g. <c>handleDeviceRegistered</c>.</summary>
    public required string Handler { get; init; }

    /// <summary>The event or block being handled.</summary>
    public required MappingTrigger Trigger { get; init; }

    /// <summary>The block-level entity store the handler reads and (on success) writes.</summary>
    public required IEntityStore Store { get; init; }

    /// <summary>The data source the handler belongs to.</summary>
    public required DataSourceInfo DataSource { get; init; }

    /// <summary>The deployment's schema; null to skip schema rules.</summary>
    public IMappingSchema? Schema { get; init; }

    /// <summary>Chain access for <c>ethereum.call/getBalance/hasCode</c>; null makes them fail deterministically.</summary>
    public IEthereumCallAdapter? Ethereum { get; init; }

    /// <summary>Receives <c>log.*</c> messages (level, message); null to drop them.</summary>
    public Action<MappingLogLevel, string>? Log { get; init; }

    /// <summary>Pass the transaction receipt to the mapping (the handler's <c>receipt: true</c>).</summary>
    public bool IncludeReceipt { get; init; }
}
