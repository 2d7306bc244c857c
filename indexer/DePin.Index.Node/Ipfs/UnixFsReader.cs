using DePin.Index.Node.Ipfs.Internal;

namespace DePin.Index.Node.Ipfs;

/// <summary>
/// Reads UnixFS files back from a block store: resolves <c>/ipfs/Qm…/name/…</c> paths through directories and
/// concatenates a file's leaves in order (what <c>ipfs cat</c> does), optionally from an offset and for a length.
/// </summary>
public sealed class UnixFsReader(IIpfsBlockStore store)
{
    private const int MaxDepth = 64;

    /// <summary>
    /// The CID a path names: <c>Qm…</c>, <c>/ipfs/Qm…</c>, or either followed by <c>/name/…</c> inside directories.
    /// </summary>
    /// <exception cref="IpfsFormatException">for a malformed path or a name under something that is not a directory.</exception>
    /// <exception cref="IpfsNotFoundException">for a block this store lacks or a name a directory lacks.</exception>
    public async Task<Cid> ResolveAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var trimmed = path.Trim();
        if (trimmed.StartsWith("/ipfs/", StringComparison.Ordinal))
        {
            trimmed = trimmed["/ipfs/".Length..];
        }

        var parts = trimmed.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new IpfsFormatException("an IPFS path is required (Qm… or /ipfs/Qm…)");
        }

        var cid = Cid.Parse(parts[0]);
        foreach (var name in parts.Skip(1))
        {
            var node = await LoadAsync(cid, cancellationToken).ConfigureAwait(false);
            if (UnixFs(node, cid).Type != UnixFsType.Directory)
            {
                throw new IpfsFormatException($"{cid} is not a directory: cannot resolve '{name}' in it");
            }

            cid = node.Links.FirstOrDefault(l => l.Name == name)?.Hash
                ?? throw new IpfsNotFoundException($"no link named \"{name}\" under {cid}");
        }

        return cid;
    }

    /// <summary>Writes the file's bytes from <paramref name="offset"/>, at most <paramref name="length"/> of them (all when null).</summary>
    /// <exception cref="IpfsFormatException">when the CID is a directory or not UnixFS.</exception>
    /// <exception cref="IpfsNotFoundException">when a block is missing.</exception>
    public async Task CatAsync(Cid cid, Stream output, long offset = 0, long? length = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cid);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (length is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "the length must not be negative");
        }

        var window = new Window(offset, length is { } l ? offset + l : long.MaxValue);
        await WriteAsync(cid, output, window, 0, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A whole file in memory, refusing files longer than <paramref name="maxBytes"/>.</summary>
    public async Task<byte[]> ReadAllAsync(Cid cid, long maxBytes = 256L * 1024 * 1024, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await CatAsync(cid, buffer, 0, maxBytes + 1, cancellationToken).ConfigureAwait(false);
        return buffer.Length > maxBytes
            ? throw new IpfsFormatException($"{cid} is larger than the {maxBytes} bytes allowed here")
            : buffer.ToArray();
    }

    /// <summary>True when every block reachable from the CID is in the store (what pinning needs).</summary>
    public async Task<bool> IsCompleteAsync(Cid cid, CancellationToken cancellationToken = default)
    {
        var pending = new Stack<Cid>([cid]);
        var seen = new HashSet<Cid>();
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next))
            {
                continue;
            }

            var bytes = await store.GetAsync(next, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                return false;
            }

            foreach (var link in PbNode.Decode(bytes).Links)
            {
                pending.Push(link.Hash);
            }
        }

        return true;
    }

    private async Task WriteAsync(Cid cid, Stream output, Window window, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            throw new IpfsFormatException($"the DAG under {cid} is deeper than {MaxDepth} levels");
        }

        var node = await LoadAsync(cid, cancellationToken).ConfigureAwait(false);
        var fs = UnixFs(node, cid);
        if (fs.Type is UnixFsType.Directory or UnixFsType.HamtShard)
        {
            throw new IpfsFormatException($"this dag node is a directory: {cid}");
        }

        if (fs.Type is not (UnixFsType.File or UnixFsType.Raw))
        {
            throw new IpfsFormatException($"{cid} is a UnixFS {fs.Type}, not a file");
        }

        if (fs.Data is { Length: > 0 } data)
        {
            await window.WriteAsync(output, data, cancellationToken).ConfigureAwait(false);
        }

        for (var i = 0; i < node.Links.Count && !window.IsFull; i++)
        {
            if (i < fs.BlockSizes.Count && window.Position + (long)fs.BlockSizes[i] <= window.Start)
            {
                window.Position += (long)fs.BlockSizes[i];
                continue;
            }

            await WriteAsync(node.Links[i].Hash, output, window, depth + 1, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<PbNode> LoadAsync(Cid cid, CancellationToken cancellationToken)
    {
        var bytes = await store.GetAsync(cid, cancellationToken).ConfigureAwait(false)
            ?? throw new IpfsNotFoundException($"block was not found locally (offline): {cid}");
        return PbNode.Decode(bytes);
    }

    private static UnixFsData UnixFs(PbNode node, Cid cid) =>
        node.Data is { } data ? UnixFsData.Decode(data) : throw new IpfsFormatException($"{cid} is a dag-pb node without UnixFS data");

    /// <summary>The byte range wanted and where the walk is in the file.</summary>
    private sealed class Window(long start, long end)
    {
        public long Start { get; } = start;

        public long Position { get; set; }

        public bool IsFull => Position >= end;

        public async Task WriteAsync(Stream output, byte[] data, CancellationToken cancellationToken)
        {
            var from = Math.Max(Start, Position);
            var to = Math.Min(end, Position + data.Length);
            if (to > from)
            {
                await output.WriteAsync(data.AsMemory((int)(from - Position), (int)(to - from)), cancellationToken).ConfigureAwait(false);
            }

            Position += data.Length;
        }
    }
}
