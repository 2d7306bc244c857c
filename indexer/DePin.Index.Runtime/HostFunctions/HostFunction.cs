using DePin.Index.Runtime.Hosting;
using Wasmtime;

namespace DePin.Index.Runtime.HostFunctions;

/// <summary>
/// A host function by import name: its WebAssembly signature and how to define it in a linker
/// for one instance (the implementation closes over that instance's <see cref="InstanceContext"/>).
/// A null signature accepts any (used by the stubs of unsupported graph-ts functions).
/// </summary>
internal sealed record HostFunction(
    string Name,
    IReadOnlyList<ValueKind>? Parameters,
    IReadOnlyList<ValueKind>? Results,
    Action<Linker, FunctionImport, InstanceContext> Define);
