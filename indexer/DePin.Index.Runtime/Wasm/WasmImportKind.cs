namespace DePin.Index.Runtime.Wasm;

/// <summary>External kinds of the WebAssembly binary format.</summary>
internal enum WasmImportKind : byte
{
    Function = 0,
    Table = 1,
    Memory = 2,
    Global = 3,
    Tag = 4,
}
