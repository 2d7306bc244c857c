namespace DePin.Index.Runtime.Wasm;

/// <summary>
/// Prepares a mapping's WebAssembly binary for pooled execution, without touching its code:
/// every mutable global defined by the module is additionally exported (as
/// <c>__depin_global_N</c>) so the host can snapshot and restore it between handler calls, and a
/// <c>start</c> section, if any, is removed and exported as <see cref="StartExportName"/> so the
/// host runs it once its heap is ready (graph-node does the same with <c>gn::start</c>).
/// </summary>
internal static class WasmModuleRewriter
{
    public const string GlobalExportPrefix = "__depin_global_";
    public const string StartExportName = "__depin_start";

    private const byte SectionImport = 2;
    private const byte SectionGlobal = 6;
    private const byte SectionExport = 7;
    private const byte SectionStart = 8;

    public static RewrittenModule Rewrite(ReadOnlySpan<byte> wasm)
    {
        if (wasm.Length < 8 || !wasm[..4].SequenceEqual("\0asm"u8))
        {
            throw new FormatException("not a WebAssembly binary (bad magic number)");
        }

        if (!wasm[4..8].SequenceEqual((ReadOnlySpan<byte>)[1, 0, 0, 0]))
        {
            throw new FormatException("unsupported WebAssembly binary version");
        }

        var sections = new List<(byte Id, int Start, int Length)>();
        var reader = new WasmBinaryReader(wasm, 8);
        while (!reader.AtEnd)
        {
            var id = reader.ReadByte();
            var length = checked((int)reader.ReadVarUInt32());
            var start = reader.Position;
            reader.ReadBytes(length);
            sections.Add((id, start, length));
        }

        var imports = new List<WasmImport>();
        var importedGlobals = 0;
        var mutableGlobals = new List<(uint Index, byte Type)>();
        var exportNames = new HashSet<string>(StringComparer.Ordinal);
        var exportEntries = new List<byte>();
        uint exportCount = 0;
        uint? startFunction = null;

        foreach (var (id, start, length) in sections)
        {
            var body = new WasmBinaryReader(wasm[..(start + length)], start);
            switch (id)
            {
                case SectionImport:
                    importedGlobals = ReadImports(ref body, imports);
                    break;
                case SectionGlobal:
                    ReadGlobals(ref body, (uint)importedGlobals, mutableGlobals);
                    break;
                case SectionExport:
                    exportCount = body.ReadVarUInt32();
                    var entriesStart = body.Position;
                    for (var i = 0; i < exportCount; i++)
                    {
                        exportNames.Add(body.ReadName());
                        body.ReadByte();
                        body.ReadVarUInt32();
                    }

                    exportEntries.AddRange(wasm[entriesStart..body.Position]);
                    break;
                case SectionStart:
                    startFunction = body.ReadVarUInt32();
                    break;
            }
        }

        var globalExports = new List<MutableGlobalExport>();
        foreach (var (index, type) in mutableGlobals)
        {
            var name = GlobalExportPrefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            AddExport(exportNames, exportEntries, name, 0x03, index);
            exportCount++;
            globalExports.Add(new MutableGlobalExport(name, type));
        }

        if (startFunction is { } startIndex)
        {
            AddExport(exportNames, exportEntries, StartExportName, 0x00, startIndex);
            exportCount++;
        }

        var exportSection = new List<byte>();
        WasmBinaryWriter.WriteVarUInt32(exportSection, exportCount);
        exportSection.AddRange(exportEntries);

        var output = new List<byte>(wasm.Length + exportSection.Count + 16);
        output.AddRange(wasm[..8]);
        var exportWritten = false;
        foreach (var (id, start, length) in sections)
        {
            if (!exportWritten && id != 0 && SectionOrder(id) > SectionOrder(SectionExport))
            {
                WasmBinaryWriter.WriteSection(output, SectionExport, exportSection);
                exportWritten = true;
            }

            if (id == SectionExport)
            {
                WasmBinaryWriter.WriteSection(output, SectionExport, exportSection);
                exportWritten = true;
                continue;
            }

            if (id == SectionStart)
            {
                continue;
            }

            output.Add(id);
            WasmBinaryWriter.WriteVarUInt32(output, (uint)length);
            output.AddRange(wasm.Slice(start, length));
        }

        if (!exportWritten)
        {
            WasmBinaryWriter.WriteSection(output, SectionExport, exportSection);
        }

        return new RewrittenModule(output.ToArray(), imports, globalExports, startFunction is null ? null : StartExportName);
    }

    private static int ReadImports(ref WasmBinaryReader body, List<WasmImport> imports)
    {
        var globals = 0;
        var count = body.ReadVarUInt32();
        for (var i = 0; i < count; i++)
        {
            var module = body.ReadName();
            var name = body.ReadName();
            var kind = body.ReadByte();
            switch (kind)
            {
                case 0x00:
                    body.ReadVarUInt32();
                    break;
                case 0x01:
                    body.ReadByte();
                    body.SkipLimits();
                    break;
                case 0x02:
                    body.SkipLimits();
                    break;
                case 0x03:
                    body.ReadByte();
                    body.ReadByte();
                    globals++;
                    break;
                case 0x04:
                    body.ReadByte();
                    body.ReadVarUInt32();
                    break;
                default:
                    throw new FormatException($"unknown import kind 0x{kind:x2} for import '{module}.{name}'");
            }

            imports.Add(new WasmImport(module, name, (WasmImportKind)kind));
        }

        return globals;
    }

    private static void ReadGlobals(ref WasmBinaryReader body, uint firstIndex, List<(uint, byte)> mutableGlobals)
    {
        var count = body.ReadVarUInt32();
        for (uint i = 0; i < count; i++)
        {
            var type = body.ReadByte();
            if (type is 0x63 or 0x64)
            {
                body.SkipVarInt(5);
            }

            var mutable = body.ReadByte();
            body.SkipConstExpr();
            if (mutable == 1)
            {
                if (type is not (0x7F or 0x7E or 0x7D or 0x7C))
                {
                    throw new FormatException($"mutable global {firstIndex + i} has value type 0x{type:x2}, which the host cannot snapshot");
                }

                mutableGlobals.Add((firstIndex + i, type));
            }
        }
    }

    private static void AddExport(HashSet<string> names, List<byte> entries, string name, byte kind, uint index)
    {
        if (!names.Add(name))
        {
            throw new FormatException($"the module already exports the reserved name '{name}'");
        }

        WasmBinaryWriter.WriteName(entries, name);
        entries.Add(kind);
        WasmBinaryWriter.WriteVarUInt32(entries, index);
    }

    /// <summary>Position of a known section in the mandated order (tag 13 sits between memory and global; data count 12 before code).</summary>
    private static int SectionOrder(byte id) => id switch
    {
        13 => 55,
        12 => 95,
        _ => id * 10,
    };
}
