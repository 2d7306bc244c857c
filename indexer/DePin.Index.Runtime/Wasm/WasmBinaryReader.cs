namespace DePin.Index.Runtime.Wasm;

/// <summary>A bounds-checked cursor over a WebAssembly binary; every overrun is a <see cref="FormatException"/>.</summary>
internal ref struct WasmBinaryReader
{
    private readonly ReadOnlySpan<byte> _data;

    public WasmBinaryReader(ReadOnlySpan<byte> data, int position = 0)
    {
        _data = data;
        Position = position;
    }

    public int Position { get; set; }

    public readonly bool AtEnd => Position >= _data.Length;

    public byte ReadByte()
    {
        if (Position >= _data.Length)
        {
            throw new FormatException($"unexpected end of module at offset {Position}");
        }

        return _data[Position++];
    }

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || count > _data.Length - Position)
        {
            throw new FormatException($"length {count} at offset {Position} runs past the end of the module");
        }

        var span = _data.Slice(Position, count);
        Position += count;
        return span;
    }

    public uint ReadVarUInt32()
    {
        uint result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = ReadByte();
            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new FormatException($"malformed LEB128 integer before offset {Position}");
    }

    public void SkipVarInt(int maxBytes)
    {
        for (var i = 0; i < maxBytes; i++)
        {
            if ((ReadByte() & 0x80) == 0)
            {
                return;
            }
        }

        throw new FormatException($"malformed LEB128 integer before offset {Position}");
    }

    public string ReadName()
    {
        var length = checked((int)ReadVarUInt32());
        return System.Text.Encoding.UTF8.GetString(ReadBytes(length));
    }

    /// <summary>Skips table/memory limits: a flags byte, the minimum and (flag bit 0) a maximum.</summary>
    public void SkipLimits()
    {
        var flags = ReadByte();
        SkipVarInt(10);
        if ((flags & 1) != 0)
        {
            SkipVarInt(10);
        }
    }

    /// <summary>Skips a constant expression up to and including its <c>end</c> opcode.</summary>
    public void SkipConstExpr()
    {
        while (true)
        {
            var op = ReadByte();
            switch (op)
            {
                case 0x0B:
                    return;
                case 0x41:
                    SkipVarInt(5);
                    break;
                case 0x42:
                    SkipVarInt(10);
                    break;
                case 0x43:
                    ReadBytes(4);
                    break;
                case 0x44:
                    ReadBytes(8);
                    break;
                case 0x23:
                case 0xD2:
                    ReadVarUInt32();
                    break;
                case 0xD0:
                    SkipVarInt(5);
                    break;
                case >= 0x6A and <= 0x6C:
                case >= 0x7C and <= 0x7E:
                    break;
                case 0xFD:
                    if (ReadVarUInt32() != 12)
                    {
                        throw new FormatException($"unsupported vector instruction in a constant expression at offset {Position}");
                    }

                    ReadBytes(16);
                    break;
                default:
                    throw new FormatException($"unsupported opcode 0x{op:x2} in a constant expression at offset {Position - 1}");
            }
        }
    }
}
