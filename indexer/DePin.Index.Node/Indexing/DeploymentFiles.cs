using System.Globalization;
using System.Text;
using DePin.Index.Node.Ipfs;
using DePin.Index.Pipeline;
using DePin.Index.Subgraph;
using YamlDotNet.RepresentationModel;

namespace DePin.Index.Node.Indexing;

/// <summary>
/// Writes a deployment stored in the node's IPFS out into a local folder, <c>ROOT/&lt;deployment id&gt;/</c>: every file the
/// manifest links (schema, ABIs, mapping wasm) as a file named by its CID, and <c>subgraph.yaml</c> with each
/// <c>/ipfs/Qm…</c> link rewritten to that local file — mappings are compiled from local files. The descriptor keeps the
/// manifest text exactly as deployed. Files already written are kept (a CID names its content).
/// </summary>
internal sealed class DeploymentFiles(IIpfsBlockStore store, string root)
{
    private readonly UnixFsReader _reader = new(store);

    public string Root { get; } = root;

    public async Task<DeploymentDescriptor> WriteOutAsync(DeploymentRecord record, CancellationToken cancellationToken)
    {
        var cid = Cid.Parse(record.Id);
        var manifestText = Utf8(await _reader.ReadAllAsync(cid, IpfsSubgraphLoader.MaxFileBytes, cancellationToken).ConfigureAwait(false), record.Id);
        var dir = Path.Combine(Root, cid.Text);
        Directory.CreateDirectory(dir);
        var (localManifest, links) = Localize(manifestText);
        foreach (var link in links)
        {
            var path = Path.Combine(dir, link);
            if (File.Exists(path))
            {
                continue;
            }

            var bytes = await _reader.ReadAllAsync(Cid.Parse(link), IpfsSubgraphLoader.MaxFileBytes, cancellationToken).ConfigureAwait(false);
            await WriteAtomicallyAsync(path, bytes, cancellationToken).ConfigureAwait(false);
        }

        var manifestPath = Path.Combine(dir, "subgraph.yaml");
        await WriteAtomicallyAsync(manifestPath, Encoding.UTF8.GetBytes(localManifest), cancellationToken).ConfigureAwait(false);
        var definition = SubgraphDefinition.Load(manifestPath);
        var schemaText = await File.ReadAllTextAsync(definition.Manifest.Schema.FullPath!, cancellationToken).ConfigureAwait(false);
        return new DeploymentDescriptor(cid.Text, definition, schemaText, manifestText) { Name = record.Names.FirstOrDefault() };
    }

    /// <summary>The manifest with every <c>file:</c> IPFS link (<c>{/: /ipfs/Qm…}</c> or <c>/ipfs/Qm…</c>) replaced by <c>./Qm…</c>, and the CIDs linked.</summary>
    internal static (string Manifest, IReadOnlyList<string> Links) Localize(string manifestText)
    {
        var yaml = new YamlStream();
        using (var reader = new StringReader(manifestText))
        {
            yaml.Load(reader);
        }

        if (yaml.Documents.Count == 0)
        {
            throw new InvalidDataException("the deployed manifest is empty");
        }

        var links = new SortedSet<string>(StringComparer.Ordinal);
        Walk(yaml.Documents[0].RootNode, links);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        yaml.Save(writer, assignAnchors: false);
        return (writer.ToString(), [.. links]);
    }

    private static void Walk(YamlNode node, ISet<string> links)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children.ToList())
                {
                    if (key is YamlScalarNode { Value: "file" } && IpfsHash(value) is { } hash)
                    {
                        links.Add(hash);
                        map.Children[key] = new YamlScalarNode("./" + hash);
                    }
                    else
                    {
                        Walk(value, links);
                    }
                }

                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children)
                {
                    Walk(item, links);
                }

                break;
        }
    }

    private static string? IpfsHash(YamlNode value)
    {
        var text = value switch
        {
            YamlScalarNode s => s.Value,
            YamlMappingNode m when m.Children.TryGetValue(new YamlScalarNode("/"), out var inner) && inner is YamlScalarNode s => s.Value,
            _ => null,
        };
        if (text is null || !text.Trim().StartsWith("/ipfs/", StringComparison.Ordinal))
        {
            return null;
        }

        var hash = text.Trim()["/ipfs/".Length..];
        return Cid.TryParse(hash, out var cid) ? cid.Text : throw new InvalidDataException($"'{text}' is not a valid IPFS link");
    }

    private static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var temp = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes, cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }

    private static string Utf8(byte[] bytes, string id)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"the manifest of {id} is not UTF-8", e);
        }
    }
}
