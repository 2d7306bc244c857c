namespace DePin.Index.Node.Ipfs.Internal;

/// <summary>A dag-pb link: target, name (empty for file chunks) and the target's cumulative size.</summary>
internal sealed record PbLink(Cid Hash, string Name, ulong Tsize);
