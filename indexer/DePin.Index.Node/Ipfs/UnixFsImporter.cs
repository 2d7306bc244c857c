using DePin.Index.Node.Ipfs.Internal;

namespace DePin.Index.Node.Ipfs;

/// <summary>
/// Turns bytes into UnixFS v1 dag-pb blocks exactly as go-ipfs/kubo's <c>ipfs add</c> does with its defaults
/// (CIDv0, raw leaves off, fixed-size chunker, balanced layout), so the CIDs are the ones any IPFS node computes:
/// <list type="bullet">
/// <item>each chunk becomes a leaf <c>PBNode{Data: UnixFS{Type: File, Data: chunk, filesize: len}}</c>;</item>
/// <item>one chunk: the leaf is the root; none: the root is <c>UnixFS{Type: File, filesize: 0}</c>;</item>
/// <item>more: the balanced builder — the first leaf becomes the first child of a depth-1 node filled with up to
/// <see cref="UnixFsImportOptions.MaxLinks"/> leaves; while data remains, that root becomes the first child of a
/// node one level deeper whose further children are filled the same way, depth first (all leaves at one depth);
/// an internal node is <c>PBNode{Links: [{Hash, Name: "", Tsize}], Data: UnixFS{Type: File, filesize, blocksizes}}</c>;</item>
/// <item>a directory is <c>PBNode{Links sorted by name, Data: UnixFS{Type: Directory}}</c>.</item>
/// </list>
/// The blocks are appended to the caller's collection, children before parents.
/// </summary>
public static class UnixFsImporter
{
    /// <summary>Adds a file read to the end of <paramref name="content"/>.</summary>
    public static async Task<UnixFsEntry> AddFileAsync(Stream content, ICollection<IpfsBlock> blocks, UnixFsImportOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(blocks);
        options ??= UnixFsImportOptions.Default;
        if (options.ChunkSize < 1 || options.MaxLinks < 2)
        {
            throw new ArgumentException("the chunk size must be at least 1 byte and a node must hold at least 2 links", nameof(options));
        }

        var builder = new Builder(new ChunkSource(content, options.ChunkSize), blocks, options.MaxLinks);
        return await builder.BuildAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a file held in memory.</summary>
    public static UnixFsEntry AddFile(ReadOnlyMemory<byte> content, ICollection<IpfsBlock> blocks, UnixFsImportOptions? options = null)
    {
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        return AddFileAsync(stream, blocks, options).GetAwaiter().GetResult();
    }

    /// <summary>Adds a directory node over entries already added (names must be unique and non-empty).</summary>
    public static UnixFsEntry AddDirectory(IReadOnlyDictionary<string, UnixFsEntry> children, ICollection<IpfsBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(blocks);
        var links = children
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new PbLink(c.Value.Cid, c.Key, c.Value.CumulativeSize))
            .ToList();
        var bytes = new PbNode(links, UnixFsData.Directory.Encode()).Encode();
        var block = IpfsBlock.From(bytes);
        blocks.Add(block);
        return new UnixFsEntry(block.Cid, (ulong)bytes.Length + Sum(links), 0, IsDirectory: true);
    }

    private static ulong Sum(IEnumerable<PbLink> links) => links.Aggregate(0UL, (sum, l) => sum + l.Tsize);

    private sealed class Builder(ChunkSource chunks, ICollection<IpfsBlock> blocks, int maxLinks)
    {
        public async Task<UnixFsEntry> BuildAsync(CancellationToken cancellationToken)
        {
            var first = await chunks.NextAsync(cancellationToken).ConfigureAwait(false);
            if (first is null)
            {
                return Leaf(null);
            }

            var root = Leaf(first);
            for (var depth = 1; !await chunks.IsDoneAsync(cancellationToken).ConfigureAwait(false); depth++)
            {
                var node = new List<UnixFsEntry> { root };
                root = await FillAsync(node, depth, cancellationToken).ConfigureAwait(false);
            }

            return root;
        }

        private async Task<UnixFsEntry> FillAsync(List<UnixFsEntry> children, int depth, CancellationToken cancellationToken)
        {
            while (children.Count < maxLinks && !await chunks.IsDoneAsync(cancellationToken).ConfigureAwait(false))
            {
                children.Add(depth == 1
                    ? Leaf(await chunks.NextAsync(cancellationToken).ConfigureAwait(false))
                    : await FillAsync([], depth - 1, cancellationToken).ConfigureAwait(false));
            }

            return Internal(children);
        }

        private UnixFsEntry Leaf(byte[]? chunk)
        {
            var bytes = new PbNode([], UnixFsData.FileLeaf(chunk).Encode()).Encode();
            var block = IpfsBlock.From(bytes);
            blocks.Add(block);
            return new UnixFsEntry(block.Cid, (ulong)bytes.Length, (ulong)(chunk?.Length ?? 0), IsDirectory: false);
        }

        private UnixFsEntry Internal(List<UnixFsEntry> children)
        {
            var links = children.Select(c => new PbLink(c.Cid, "", c.CumulativeSize)).ToList();
            var fileSize = children.Aggregate(0UL, (sum, c) => sum + c.FileSize);
            var data = new UnixFsData(UnixFsType.File, null, fileSize, children.Select(c => c.FileSize).ToList());
            var bytes = new PbNode(links, data.Encode()).Encode();
            var block = IpfsBlock.From(bytes);
            blocks.Add(block);
            return new UnixFsEntry(block.Cid, (ulong)bytes.Length + Sum(links), fileSize, IsDirectory: false);
        }
    }

    /// <summary>Reads full chunks (the last one shorter), like go's size splitter with io.ReadFull.</summary>
    private sealed class ChunkSource(Stream stream, int chunkSize)
    {
        private byte[]? _peeked;
        private bool _ended;

        public async Task<bool> IsDoneAsync(CancellationToken cancellationToken)
        {
            _peeked ??= await ReadAsync(cancellationToken).ConfigureAwait(false);
            return _peeked is null;
        }

        public async Task<byte[]?> NextAsync(CancellationToken cancellationToken)
        {
            var chunk = _peeked ?? await ReadAsync(cancellationToken).ConfigureAwait(false);
            _peeked = null;
            return chunk;
        }

        private async Task<byte[]?> ReadAsync(CancellationToken cancellationToken)
        {
            if (_ended)
            {
                return null;
            }

            var buffer = new byte[chunkSize];
            var filled = await stream.ReadAtLeastAsync(buffer, chunkSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (filled < chunkSize)
            {
                _ended = true;
            }

            return filled == 0 ? null : filled == chunkSize ? buffer : buffer[..filled];
        }
    }
}
