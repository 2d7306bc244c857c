namespace DePin.Index.Node.Ipfs.Internal;

/// <summary>
/// The UnixFS v1 message a dag-pb node carries in its Data field (proto2:
/// <c>Type = 1, Data = 2, filesize = 3, repeated blocksizes = 4</c>, not packed). go-ipfs writes
/// <c>filesize</c> for every file node (0 for the empty file) and omits <c>Data</c> when there is none.
/// </summary>
internal sealed record UnixFsData(UnixFsType Type, byte[]? Data, ulong? FileSize, IReadOnlyList<ulong> BlockSizes)
{
    public static UnixFsData Directory { get; } = new(UnixFsType.Directory, null, null, []);

    public static UnixFsData FileLeaf(byte[]? data) => new(UnixFsType.File, data is { Length: > 0 } ? data : null, (ulong)(data?.Length ?? 0), []);

    public byte[] Encode()
    {
        var w = new ProtoWriter();
        w.Varint(1, (ulong)Type);
        if (Data is not null)
        {
            w.Bytes(2, Data);
        }

        if (FileSize is { } size)
        {
            w.Varint(3, size);
        }

        foreach (var b in BlockSizes)
        {
            w.Varint(4, b);
        }

        return w.ToArray();
    }

    /// <exception cref="IpfsFormatException">for bytes that are not a UnixFS message.</exception>
    public static UnixFsData Decode(ReadOnlySpan<byte> bytes)
    {
        UnixFsType? type = null;
        byte[]? data = null;
        ulong? fileSize = null;
        var blockSizes = new List<ulong>();
        var reader = new ProtoReader(bytes);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.Tag();
            switch (field)
            {
                case 1 when wire == 0:
                    type = (UnixFsType)reader.Varint();
                    break;
                case 2 when wire == 2:
                    data = reader.LengthDelimited().ToArray();
                    break;
                case 3 when wire == 0:
                    fileSize = reader.Varint();
                    break;
                case 4 when wire == 0:
                    blockSizes.Add(reader.Varint());
                    break;
                case 4 when wire == 2:
                    var packed = new ProtoReader(reader.LengthDelimited());
                    while (!packed.AtEnd)
                    {
                        blockSizes.Add(packed.Varint());
                    }

                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return new UnixFsData(type ?? throw new IpfsFormatException("a UnixFS node without a type"), data, fileSize, blockSizes);
    }
}
