using DePin.Index.Runtime.Asc;
using Wasmtime;

namespace DePin.Index.Runtime.Hosting;

/// <summary>
/// Per-instance state shared by the host functions of one <see cref="MappingInstance"/>: the
/// heap, the invocation being run, and the first failure a host function reported (which
/// classifies the trap that follows, as graph-node's <c>deterministic_host_trap</c> flag does).
/// </summary>
internal sealed class InstanceContext
{
    public InstanceContext(Version apiVersion, MappingHostOptions options, TypeIdCache typeIds)
    {
        ApiVersion = apiVersion;
        Options = options;
        Heap = new AscHeap(typeIds);
    }

    public Version ApiVersion { get; }

    public MappingHostOptions Options { get; }

    public AscHeap Heap { get; }

    public HandlerEntityCache Entities { get; } = new();

    public EthCallCache EthCalls { get; } = new();

    public List<DataSourceCreation> CreatedDataSources { get; } = [];

    /// <summary>The invocation being run; null between invocations.</summary>
    public HandlerInvocation? Invocation { get; set; }

    /// <summary>The first failure reported by a host function during the current invocation.</summary>
    public HostException? Failure { get; private set; }

    public HandlerInvocation Current =>
        Invocation ?? throw HostException.Fail("host function called outside a handler (during module start)");

    public void BeginInvocation(HandlerInvocation invocation)
    {
        Invocation = invocation;
        Failure = null;
        CreatedDataSources.Clear();
        Entities.Begin(invocation.Store, invocation.Schema);
    }

    public void EndInvocation()
    {
        Invocation = null;
        Entities.End();
    }

    /// <summary>Charges the per-call fuel of a host function.</summary>
    public void EnterHostCall(Caller caller)
    {
        Heap.Refresh();
        var cost = Options.HostCallFuel;
        if (cost == 0)
        {
            return;
        }

        var fuel = caller.Fuel;
        if (fuel < cost)
        {
            caller.Fuel = 0;
            throw HostException.Fail($"out of fuel (budget {Options.FuelPerHandler}) in a host function call");
        }

        caller.Fuel = fuel - cost;
    }

    /// <summary>
    /// Records the failure of host function <paramref name="name"/> (keeping the first one) and
    /// returns the exception to throw back into Wasmtime, which turns it into a trap.
    /// </summary>
    public Exception HostCallFailed(string name, Exception error)
    {
        var failure = error switch
        {
            HostException host => host,
            TrapException trap => HostException.Fail($"{name}: the module trapped while the host used it: {trap.Message}", trap),
            _ => HostException.Fail($"{name}: {error.Message}", error),
        };
        Failure ??= failure;
        return new InvalidOperationException(failure.Message);
    }
}
