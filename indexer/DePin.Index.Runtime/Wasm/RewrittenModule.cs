namespace DePin.Index.Runtime.Wasm;

/// <summary>The output of <see cref="WasmModuleRewriter"/>.</summary>
internal sealed record RewrittenModule(
    byte[] Bytes,
    IReadOnlyList<WasmImport> Imports,
    IReadOnlyList<MutableGlobalExport> MutableGlobals,
    string? StartExport);
