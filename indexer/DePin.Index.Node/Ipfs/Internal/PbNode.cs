using System.Text;

namespace DePin.Index.Node.Ipfs.Internal;

/// <summary>
/// A dag-pb node (<c>PBNode { Data = 1; repeated Links = 2 }</c>). The canonical encoding writes the links
/// before the data, each link as <c>Hash = 1, Name = 2, Tsize = 3</c>; go-ipfs writes the name even when it
/// is empty, which the CIDs depend on.
/// </summary>
internal sealed record PbNode(IReadOnlyList<PbLink> Links, byte[]? Data)
{
    public byte[] Encode()
    {
        var node = new ProtoWriter();
        foreach (var link in Links)
        {
            var l = new ProtoWriter();
            l.Bytes(1, link.Hash.Multihash);
            l.Bytes(2, Encoding.UTF8.GetBytes(link.Name));
            l.Varint(3, link.Tsize);
            node.Bytes(2, l.ToArray());
        }

        if (Data is not null)
        {
            node.Bytes(1, Data);
        }

        return node.ToArray();
    }

    /// <exception cref="IpfsFormatException">for bytes that are not a dag-pb node.</exception>
    public static PbNode Decode(ReadOnlySpan<byte> block)
    {
        var links = new List<PbLink>();
        byte[]? data = null;
        var reader = new ProtoReader(block);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.Tag();
            if (field == 1 && wire == 2)
            {
                data = reader.LengthDelimited().ToArray();
            }
            else if (field == 2 && wire == 2)
            {
                links.Add(DecodeLink(reader.LengthDelimited()));
            }
            else
            {
                throw new IpfsFormatException($"unexpected field {field} in a dag-pb node");
            }
        }

        return new PbNode(links, data);
    }

    private static PbLink DecodeLink(ReadOnlySpan<byte> bytes)
    {
        Cid? hash = null;
        var name = "";
        ulong tsize = 0;
        var reader = new ProtoReader(bytes);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.Tag();
            switch (field)
            {
                case 1 when wire == 2:
                    hash = Cid.FromMultihash(reader.LengthDelimited());
                    break;
                case 2 when wire == 2:
                    name = Encoding.UTF8.GetString(reader.LengthDelimited());
                    break;
                case 3 when wire == 0:
                    tsize = reader.Varint();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return new PbLink(hash ?? throw new IpfsFormatException("a dag-pb link without a hash"), name, tsize);
    }
}
