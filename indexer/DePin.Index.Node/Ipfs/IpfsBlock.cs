namespace DePin.Index.Node.Ipfs;

/// <summary>One content-addressed block: its CID and the dag-pb bytes it hashes.</summary>
public sealed record IpfsBlock(Cid Cid, ReadOnlyMemory<byte> Data)
{
    /// <summary>A block for these bytes, with the CID computed from them.</summary>
    public static IpfsBlock From(byte[] data) => new(Cid.Of(data), data);
}
