using System.Globalization;
using DePin.Index.Runtime.HostFunctions;
using DePin.Index.Runtime.Hosting;
using DePin.Index.Runtime.Wasm;
using Wasmtime;

namespace DePin.Index.Runtime;

/// <summary>
/// A mapping's WebAssembly module, validated and compiled once per deployment (one Wasmtime
/// engine and module, shared by all its instances). Loading checks what graph-node checks when
/// it links: every import must name a host function (imports are resolved by name only; the
/// module name is ignored), with a matching signature; the module must export <c>memory</c>,
/// <c>allocate</c>, <c>id_of_type</c> and <c>_start</c>. Thread-safe; instances are not.
/// </summary>
public sealed class MappingModule : IDisposable
{
    private static readonly Version MinApiVersion = new(0, 0, 5);
    private static readonly Version MaxApiVersion = new(0, 0, 9);

    private readonly Engine _engine;
    private bool _disposed;

    private MappingModule(Engine engine, Module module, RewrittenModule rewritten, IReadOnlyList<(FunctionImport, HostFunction)> bindings, Version apiVersion, MappingHostOptions options)
    {
        _engine = engine;
        WasmModule = module;
        Rewritten = rewritten;
        Bindings = bindings;
        ApiVersion = apiVersion;
        Options = options;
        Handlers = module.Exports.OfType<FunctionExport>()
            .Where(f => f.Parameters.Count == 1 && f.Parameters[0] == ValueKind.Int32 && f.Results.Count == 0 && f.Name is not ("__unpin" or "__collect"))
            .Select(f => f.Name)
            .ToArray();
    }

    /// <summary>The mapping's apiVersion (0.0.5 – 0.0.9).</summary>
    public Version ApiVersion { get; }

    /// <summary>The limits every instance applies.</summary>
    public MappingHostOptions Options { get; }

    /// <summary>Exported functions with a handler's signature <c>(i32) → ()</c>.</summary>
    public IReadOnlyList<string> Handlers { get; }

    internal Module WasmModule { get; }

    internal RewrittenModule Rewritten { get; }

    internal IReadOnlyList<(FunctionImport Import, HostFunction Function)> Bindings { get; }

    internal Engine Engine => _engine;

    internal Asc.TypeIdCache TypeIds { get; } = new();

    /// <summary>Validates and compiles <paramref name="wasm"/> (a graph-cli build output) for <paramref name="apiVersion"/>.</summary>
    public static MappingModule Load(ReadOnlySpan<byte> wasm, string apiVersion, MappingHostOptions? options = null)
    {
        options ??= new MappingHostOptions();
        options.Validate();
        if (!Version.TryParse(apiVersion, out var version) || version.Build < 0)
        {
            throw new MappingModuleException($"apiVersion '{apiVersion}' is not a version of the form 0.0.N");
        }

        if (version < MinApiVersion || version > MaxApiVersion)
        {
            throw new MappingModuleException(
                $"apiVersion {apiVersion} is not supported: this host implements apiVersion {MinApiVersion} to {MaxApiVersion} (AssemblyScript ≥ 0.19 layouts)");
        }

        RewrittenModule rewritten;
        try
        {
            rewritten = WasmModuleRewriter.Rewrite(wasm);
        }
        catch (FormatException e)
        {
            throw new MappingModuleException($"malformed WebAssembly module: {e.Message}", e);
        }

        var config = new Config()
            .WithFuelConsumption(true)
            .WithEpochInterruption(true)
            .WithCraneliftNaNCanonicalization(true)
            .WithOptimizationLevel(OptimizationLevel.Speed)
            .WithMaximumStackSize(options.MaxStackBytes);
        var engine = new Engine(config);
        try
        {
            var module = Module.FromBytes(engine, "mapping", rewritten.Bytes);
            var bindings = Bind(module);
            CheckExports(module);
            EpochTicker.Register(engine);
            return new MappingModule(engine, module, rewritten, bindings, version, options);
        }
        catch (WasmtimeException e)
        {
            engine.Dispose();
            throw new MappingModuleException($"invalid WebAssembly module: {e.Message}", e);
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    /// <summary>A new pooled instance (instantiated, <c>_start</c> run); use it from one thread at a time.</summary>
    public MappingInstance CreateInstance()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new MappingInstance(this);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        EpochTicker.Unregister(_engine);
        WasmModule.Dispose();
        _engine.Dispose();
    }

    private static List<(FunctionImport, HostFunction)> Bind(Module module)
    {
        var bindings = new List<(FunctionImport, HostFunction)>();
        foreach (var import in module.Imports)
        {
            if (import is not FunctionImport function)
            {
                throw new MappingModuleException(
                    $"import '{import.ModuleName}.{import.Name}' is a {KindName(import)}; the host only provides functions");
            }

            if (!HostFunctionRegistry.Default.TryGet(function.Name, out var host))
            {
                throw new MappingModuleException(
                    $"unknown import '{function.ModuleName}.{function.Name}': the host provides no function named '{function.Name}'");
            }

            if (host.Parameters is not null && (!host.Parameters.SequenceEqual(function.Parameters) || !host.Results!.SequenceEqual(function.Results)))
            {
                throw new MappingModuleException(
                    $"import '{function.ModuleName}.{function.Name}' has signature {Signature(function.Parameters, function.Results)}, " +
                    $"the host function has {Signature(host.Parameters, host.Results!)}");
            }

            bindings.Add((function, host));
        }

        return bindings;
    }

    private static void CheckExports(Module module)
    {
        var exports = module.Exports.ToDictionary(e => e.Name, StringComparer.Ordinal);
        if (!exports.TryGetValue("memory", out var memory) || memory is not MemoryExport)
        {
            throw new MappingModuleException("the module does not export its memory as 'memory'");
        }

        foreach (var name in new[] { "allocate", "id_of_type" })
        {
            if (!exports.TryGetValue(name, out var export) || export is not FunctionExport f
                || !f.Parameters.SequenceEqual([ValueKind.Int32]) || !f.Results.SequenceEqual([ValueKind.Int32]))
            {
                throw new MappingModuleException($"the module does not export '{name}(i32) -> i32' (is it built by graph-cli with graph-ts?)");
            }
        }

        if (!exports.TryGetValue("_start", out var start) || start is not FunctionExport s || s.Parameters.Count != 0 || s.Results.Count != 0)
        {
            throw new MappingModuleException("the module does not export '_start() -> ()' (apiVersion ≥ 0.0.5 modules are built with --explicitStart)");
        }
    }

    private static string KindName(Import import) => import switch
    {
        MemoryImport => "memory",
        TableImport => "table",
        GlobalImport => "global",
        _ => import.GetType().Name,
    };

    private static string Signature(IReadOnlyList<ValueKind> parameters, IReadOnlyList<ValueKind> results) =>
        string.Create(CultureInfo.InvariantCulture, $"({string.Join(", ", parameters)}) -> ({string.Join(", ", results)})");
}
