namespace DePin.Index.Node.Ipfs;

/// <summary>
/// How files are cut into a DAG. The defaults are go-ipfs/kubo's for <c>ipfs add</c> (CIDv0, dag-pb leaves):
/// fixed-size chunks of 256 KiB and a balanced tree of at most 174 links per node.
/// </summary>
public sealed record UnixFsImportOptions
{
    public const int DefaultChunkSize = 262_144;
    public const int DefaultMaxLinks = 174;

    public static UnixFsImportOptions Default { get; } = new();

    /// <summary>Bytes per leaf (kubo's <c>--chunker=size-N</c>); default 262144.</summary>
    public int ChunkSize { get; init; } = DefaultChunkSize;

    /// <summary>Children per internal node; default 174.</summary>
    public int MaxLinks { get; init; } = DefaultMaxLinks;
}
