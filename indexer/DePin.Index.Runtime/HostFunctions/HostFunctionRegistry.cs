using DePin.Index.Runtime.Asc;
using DePin.Index.Runtime.Hosting;
using Wasmtime;

namespace DePin.Index.Runtime.HostFunctions;

/// <summary>
/// All host functions by import name (graph-node binds imports by name and ignores the module
/// name). Every implementation runs inside the same wrapper: charge the per-call fuel, run,
/// and on any exception record the failure in the <see cref="InstanceContext"/> and trap.
/// Pointers cross the boundary as i32 and are reinterpreted as unsigned.
/// </summary>
internal sealed partial class HostFunctionRegistry
{
    private static readonly ValueKind[] None = [];
    private static readonly ValueKind[] I32 = [ValueKind.Int32];
    private static readonly ValueKind[] I32x2 = [ValueKind.Int32, ValueKind.Int32];
    private static readonly ValueKind[] I32x3 = [ValueKind.Int32, ValueKind.Int32, ValueKind.Int32];
    private static readonly ValueKind[] I32x4 = [ValueKind.Int32, ValueKind.Int32, ValueKind.Int32, ValueKind.Int32];

    private readonly Dictionary<string, HostFunction> _functions = new(StringComparer.Ordinal);

    private HostFunctionRegistry()
    {
    }

    /// <summary>The registry with every supported and every known-but-unsupported graph-ts import.</summary>
    public static HostFunctionRegistry Default { get; } = CreateDefault();

    public IEnumerable<string> Names => _functions.Keys;

    public bool TryGet(string name, out HostFunction function) => _functions.TryGetValue(name, out function!);

    private static HostFunctionRegistry CreateDefault()
    {
        var r = new HostFunctionRegistry();
        CoreFunctions.Register(r);
        NumberFunctions.Register(r);
        ConversionFunctions.Register(r);
        StoreFunctions.Register(r);
        DataSourceFunctions.Register(r);
        JsonFunctions.Register(r);
        EthereumFunctions.Register(r);
        return r;
    }

    public void Add(string name, Func<InstanceContext, uint, uint> f) =>
        Register(name, I32, I32, (l, i, ctx) => l.DefineFunction(i.ModuleName, name, (Caller c, int a) =>
        {
            try
            {
                ctx.EnterHostCall(c);
                return (int)f(ctx, (uint)a);
            }
            catch (Exception e)
            {
                throw ctx.HostCallFailed(name, e);
            }
        }));

    public void Add(string name, Func<InstanceContext, uint, uint, uint> f) =>
        Register(name, I32x2, I32, (l, i, ctx) => l.DefineFunction(i.ModuleName, name, (Caller c, int a, int b) =>
        {
            try
            {
                ctx.EnterHostCall(c);
                return (int)f(ctx, (uint)a, (uint)b);
            }
            catch (Exception e)
            {
                throw ctx.HostCallFailed(name, e);
            }
        }));

    public void Add(string name, Func<InstanceContext, uint, uint, uint, uint> f) =>
        Register(name, I32x3, I32, (l, i, ctx) => l.DefineFunction(i.ModuleName, name, (Caller c, int a, int b, int d) =>
        {
            try
            {
                ctx.EnterHostCall(c);
                return (int)f(ctx, (uint)a, (uint)b, (uint)d);
            }
            catch (Exception e)
            {
                throw ctx.HostCallFailed(name, e);
            }
        }));

    public void Add(string name, Func<InstanceContext, uint> f) =>
        Register(name, None, I32, (l, i, ctx) => l.DefineFunction(i.ModuleName, name, (Caller c) =>
        {
            try
            {
                ctx.EnterHostCall(c);
                return (int)f(ctx);
            }
            catch (Exception e)
            {
                throw ctx.HostCallFailed(name, e);
            }
        }));

    public void Add(string name, Func<InstanceContext, uint, long> f) =>
        Register(name, I32, [ValueKind.Int64], (l, i, ctx) => l.DefineFunction(i.ModuleName, name, (Caller c, int a) =>
        {
            try
            {
                ctx.EnterHostCall(c);
                return f(ctx, (uint)a);
            }
            catch (Exception e)
            {
                throw ctx.HostCallFailed(name, e);
            }
        }));

    public void Add(string name, Func<InstanceContext, uint, double> f) =>
        Register(name, I32, [ValueKind.Float64], (l, i, ctx) => l.DefineFunction(i.ModuleName, name, (Caller c, int a) =>
        {
            try
            {
                ctx.EnterHostCall(c);
                return f(ctx, (uint)a);
            }
            catch (Exception e)
            {
                throw ctx.HostCallFailed(name, e);
            }
        }));

    public void Add(string name, Action<InstanceContext, uint, uint> f) =>
        Register(name, I32x2, None, (l, i, ctx) => l.DefineFunction(i.ModuleName, name, (Caller c, int a, int b) =>
        {
            try
            {
                ctx.EnterHostCall(c);
                f(ctx, (uint)a, (uint)b);
            }
            catch (Exception e)
            {
                throw ctx.HostCallFailed(name, e);
            }
        }));

    public void Add(string name, Action<InstanceContext, uint, uint, uint> f) =>
        Register(name, I32x3, None, (l, i, ctx) => l.DefineFunction(i.ModuleName, name, (Caller c, int a, int b, int d) =>
        {
            try
            {
                ctx.EnterHostCall(c);
                f(ctx, (uint)a, (uint)b, (uint)d);
            }
            catch (Exception e)
            {
                throw ctx.HostCallFailed(name, e);
            }
        }));

    public void Add(string name, Action<InstanceContext, uint, uint, uint, uint> f) =>
        Register(name, I32x4, None, (l, i, ctx) => l.DefineFunction(i.ModuleName, name, (Caller c, int a, int b, int d, int e) =>
        {
            try
            {
                ctx.EnterHostCall(c);
                f(ctx, (uint)a, (uint)b, (uint)d, (uint)e);
            }
            catch (Exception ex)
            {
                throw ctx.HostCallFailed(name, ex);
            }
        }));

    /// <summary>
    /// A graph-ts import this host does not implement: it links (with whatever signature the
    /// module declares) and fails the handler deterministically when called.
    /// </summary>
    public void Unsupported(string name, string reason) =>
        Register(name, null, null, (l, i, ctx) => l.DefineFunction(
            i.ModuleName,
            name,
            (Caller c, ReadOnlySpan<ValueBox> args, Span<ValueBox> results) => throw ctx.HostCallFailed(name, HostException.Fail(reason)),
            i.Parameters,
            i.Results));

    private void Register(string name, IReadOnlyList<ValueKind>? parameters, IReadOnlyList<ValueKind>? results, Action<Linker, FunctionImport, InstanceContext> define)
    {
        if (!_functions.TryAdd(name, new HostFunction(name, parameters, results, define)))
        {
            throw new InvalidOperationException($"host function '{name}' registered twice");
        }
    }
}
