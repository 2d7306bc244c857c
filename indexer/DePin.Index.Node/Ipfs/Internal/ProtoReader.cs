namespace DePin.Index.Node.Ipfs.Internal;

/// <summary>Reads protobuf fields (varint and length-delimited only; other wire types are rejected as not dag-pb/UnixFS).</summary>
internal ref struct ProtoReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ProtoReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly bool AtEnd => _position >= _data.Length;

    /// <summary>Reads the next tag: field number and wire type (0 varint, 2 length-delimited).</summary>
    public (int Field, int WireType) Tag()
    {
        var tag = Varint();
        var wireType = (int)(tag & 7);
        if (wireType is not (0 or 2))
        {
            throw new IpfsFormatException($"unsupported protobuf wire type {wireType}");
        }

        return ((int)(tag >> 3), wireType);
    }

    public ulong Varint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw new IpfsFormatException("truncated varint");
            }

            var b = _data[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new IpfsFormatException("varint longer than 64 bits");
    }

    public ReadOnlySpan<byte> LengthDelimited()
    {
        var length = Varint();
        if (length > (ulong)(_data.Length - _position))
        {
            throw new IpfsFormatException("length-delimited field runs past the end");
        }

        var slice = _data.Slice(_position, (int)length);
        _position += (int)length;
        return slice;
    }

    public void Skip(int wireType)
    {
        if (wireType == 0)
        {
            Varint();
        }
        else
        {
            LengthDelimited();
        }
    }
}
