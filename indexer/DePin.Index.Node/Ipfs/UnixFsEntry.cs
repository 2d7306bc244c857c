namespace DePin.Index.Node.Ipfs;

/// <summary>
/// A file or directory added to IPFS: its root CID, its cumulative size (root block plus every block below it,
/// the <c>Size</c> that <c>ipfs add</c> prints and a parent link's <c>Tsize</c>) and, for a file, its length.
/// </summary>
public sealed record UnixFsEntry(Cid Cid, ulong CumulativeSize, ulong FileSize, bool IsDirectory);
