namespace DePin.Index.Runtime.Wasm;

/// <summary>One import of a module: module name, field name and kind.</summary>
internal sealed record WasmImport(string Module, string Name, WasmImportKind Kind);
