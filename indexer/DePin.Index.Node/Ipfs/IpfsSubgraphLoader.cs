using System.Text;
using DePin.Index.Subgraph;
using DePin.Index.Subgraph.Manifest;

namespace DePin.Index.Node.Ipfs;

/// <summary>
/// Loads a deployed subgraph from the node's IPFS store the way graph-node resolves one: the manifest by its CID,
/// then every file it links as <c>/ipfs/Qm…</c> (schema, ABIs, mapping wasm), and checks it all with
/// <see cref="SubgraphDefinition"/>. Local paths are refused: graph-cli rewrites them to IPFS links before upload.
/// </summary>
public sealed class IpfsSubgraphLoader(IIpfsBlockStore store)
{
    /// <summary>The largest manifest, schema, ABI or wasm file read (graph-node's default max IPFS file size is 25 MiB).</summary>
    public const long MaxFileBytes = 25L * 1024 * 1024;

    private static readonly byte[] WasmMagic = [0x00, 0x61, 0x73, 0x6d];
    private readonly UnixFsReader _reader = new(store);

    /// <summary>The manifest text stored under the CID.</summary>
    /// <exception cref="IpfsNotFoundException">when the store lacks it.</exception>
    /// <exception cref="ManifestException">when it is not UTF-8 text.</exception>
    public async Task<string> ReadManifestAsync(Cid manifest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var bytes = await _reader.ReadAllAsync(manifest, MaxFileBytes, cancellationToken).ConfigureAwait(false);
        return Utf8(bytes, "/ipfs/" + manifest.Text, "subgraph is not UTF-8");
    }

    /// <summary>Fetches and validates the subgraph whose manifest has this CID.</summary>
    /// <exception cref="IpfsNotFoundException">when the manifest or a linked file is missing.</exception>
    /// <exception cref="ManifestException">for an invalid manifest, ABI or handler, a local path, or a wasm file that is not WebAssembly.</exception>
    /// <exception cref="DePin.Index.Subgraph.Schema.SchemaException">for an invalid schema.</exception>
    public async Task<SubgraphDefinition> LoadAsync(Cid manifestCid, CancellationToken cancellationToken = default)
    {
        var file = "/ipfs/" + manifestCid.Text;
        var manifest = SubgraphManifest.Parse(await ReadManifestAsync(manifestCid, cancellationToken).ConfigureAwait(false), file);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var links = new List<FileLink> { manifest.Schema };
        foreach (var ds in manifest.DataSources.Concat(manifest.Templates))
        {
            links.AddRange(ds.Mapping.Abis.Select(a => a.File));
            await CheckWasmAsync(file, ds, cancellationToken).ConfigureAwait(false);
        }

        foreach (var link in links)
        {
            var cid = IpfsCid(file, link);
            if (!texts.ContainsKey(cid.Text))
            {
                var bytes = await _reader.ReadAllAsync(cid, MaxFileBytes, cancellationToken).ConfigureAwait(false);
                texts[cid.Text] = Utf8(bytes, file, $"{link.Link} is not UTF-8 text");
            }
        }

        return SubgraphDefinition.From(manifest, link => texts[IpfsCid(file, link).Text]);
    }

    private async Task CheckWasmAsync(string file, DataSource ds, CancellationToken cancellationToken)
    {
        var cid = IpfsCid(file, ds.Mapping.File);
        var head = new MemoryStream();
        await _reader.CatAsync(cid, head, 0, WasmMagic.Length, cancellationToken).ConfigureAwait(false);
        if (!head.ToArray().AsSpan().SequenceEqual(WasmMagic))
        {
            throw new ManifestException(file, ds.Location.Line, ds.Location.Column, $"{ds.Name}.mapping.file",
                $"{ds.Mapping.File.Link} is not a WebAssembly module");
        }
    }

    private static Cid IpfsCid(string file, FileLink link)
    {
        if (link.IpfsHash is null)
        {
            throw new ManifestException(file, 0, 0, null,
                $"'{link.Link}' is not an IPFS link: a deployed manifest links its files as /ipfs/Qm… (graph-cli's upload does that)");
        }

        return Cid.TryParse(link.IpfsHash, out var cid)
            ? cid
            : throw new ManifestException(file, 0, 0, null, $"'{link.Link}' is not a valid IPFS link (only CIDv0 Qm… hashes are supported)");
    }

    private static string Utf8(byte[] bytes, string file, string problem)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new ManifestException(file, 0, 0, null, problem, e);
        }
    }
}
