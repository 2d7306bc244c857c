namespace DePin.Index.Runtime.Wasm;

/// <summary>A mutable global re-exported by <see cref="WasmModuleRewriter"/>, with its value type byte.</summary>
internal sealed record MutableGlobalExport(string ExportName, byte ValueType);
