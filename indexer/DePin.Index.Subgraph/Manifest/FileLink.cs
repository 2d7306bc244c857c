namespace DePin.Index.Subgraph.Manifest;

/// <summary>
/// A file the manifest names: a path relative to the manifest's folder (as graph-cli writes them,
/// also in its <c>build/</c> output), or an IPFS link (<c>{ /: /ipfs/Qm… }</c>) once deployed.
/// </summary>
public sealed record FileLink
{
    internal FileLink(string link, string? fullPath, string? ipfsHash)
    {
        Link = link;
        FullPath = fullPath;
        IpfsHash = ipfsHash;
    }

    /// <summary>The link exactly as the manifest writes it.</summary>
    public string Link { get; }

    /// <summary>The absolute local path; null for an IPFS link or a manifest parsed without a folder.</summary>
    public string? FullPath { get; }

    /// <summary>The IPFS hash of an <c>/ipfs/Qm…</c> link, else null.</summary>
    public string? IpfsHash { get; }

    public bool IsIpfs => IpfsHash is not null;

    internal static FileLink Resolve(string link, string? baseDirectory)
    {
        var trimmed = link.Trim();
        if (trimmed.StartsWith("/ipfs/", StringComparison.Ordinal))
        {
            return new FileLink(link, null, trimmed["/ipfs/".Length..]);
        }

        if (Path.IsPathRooted(trimmed))
        {
            return new FileLink(link, Path.GetFullPath(trimmed), null);
        }

        return new FileLink(link, baseDirectory is null ? null : Path.GetFullPath(Path.Combine(baseDirectory, trimmed)), null);
    }

    public override string ToString() => FullPath ?? Link;
}
