namespace DePin.Index.Runtime.Wasm;

/// <summary>Small helpers to emit WebAssembly binary encodings.</summary>
internal static class WasmBinaryWriter
{
    public static void WriteVarUInt32(List<byte> output, uint value)
    {
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            if (value != 0)
            {
                b |= 0x80;
            }

            output.Add(b);
        }
        while (value != 0);
    }

    public static void WriteName(List<byte> output, string name)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(name);
        WriteVarUInt32(output, (uint)bytes.Length);
        output.AddRange(bytes);
    }

    public static void WriteSection(List<byte> output, byte id, IReadOnlyCollection<byte> content)
    {
        output.Add(id);
        WriteVarUInt32(output, (uint)content.Count);
        output.AddRange(content);
    }
}
