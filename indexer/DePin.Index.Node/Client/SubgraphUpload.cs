using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace DePin.Index.Node.Client;

/// <summary>
/// What <c>depin subgraph deploy</c> uploads, worked out from local files without building anything (graph-cli's <c>graph
/// deploy</c> upload step): the manifest (a <c>subgraph.yaml</c>, a graph-cli <c>build/</c> folder, or a subgraph folder with a
/// built <c>build/</c>), and every file it links — schema, ABIs, mapping wasm — which are uploaded first so the manifest can
/// link them as <c>{/: /ipfs/Qm…}</c>.
/// </summary>
internal static class SubgraphUpload
{
    /// <summary>The manifest to upload for a folder or file: DIR/build/subgraph.yaml when it exists, else DIR/subgraph.yaml, or the file itself.</summary>
    /// <exception cref="NodeClientException">when nothing is there.</exception>
    public static string FindManifest(string dirOrManifest)
    {
        var path = Path.GetFullPath(dirOrManifest);
        if (File.Exists(path))
        {
            return path;
        }

        if (!Directory.Exists(path))
        {
            throw new NodeClientException($"{dirOrManifest}: no such file or folder");
        }

        foreach (var candidate in new[] { Path.Combine(path, "build", "subgraph.yaml"), Path.Combine(path, "subgraph.yaml") })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new NodeClientException($"{dirOrManifest} has no subgraph.yaml nor build/subgraph.yaml (deploy a graph-cli build folder: `graph build` writes build/)");
    }

    /// <summary>
    /// Every local file the manifest links (paths relative to its folder, in the manifest's order, once each), checked: present,
    /// and a mapping must be compiled WebAssembly — a <c>.ts</c> source means the subgraph was not built.
    /// </summary>
    public static IReadOnlyList<string> LinkedFiles(string manifestPath, YamlNode root)
    {
        var dir = Path.GetDirectoryName(manifestPath)!;
        var files = new List<string>();
        foreach (var (link, isMapping) in FileLinks(root))
        {
            if (link.StartsWith("/ipfs/", StringComparison.Ordinal))
            {
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(dir, link));
            if (isMapping && !full.EndsWith(".wasm", StringComparison.OrdinalIgnoreCase))
            {
                throw new NodeClientException(
                    $"{manifestPath}: the mapping '{link}' is not WebAssembly: this subgraph is not built. Build it (graph codegen && graph build, or subgraphs/build.sh) and deploy its build/ folder");
            }

            if (!File.Exists(full))
            {
                throw new NodeClientException($"{manifestPath}: linked file '{link}' does not exist ({full})");
            }

            if (!files.Contains(link, StringComparer.Ordinal))
            {
                files.Add(link);
            }
        }

        return files;
    }

    /// <summary>Parses the manifest's YAML.</summary>
    public static YamlStream Parse(string manifestPath)
    {
        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(manifestPath);
            yaml.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new NodeClientException($"{manifestPath}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {e.Message}", e);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode)
        {
            throw new NodeClientException($"{manifestPath}: not a subgraph manifest (expected a YAML mapping)");
        }

        return yaml;
    }

    /// <summary>Replaces each local <c>file:</c> link by <c>{/: /ipfs/HASH}</c> (graph-cli's form) and returns the manifest text.</summary>
    public static string Rewrite(YamlStream yaml, IReadOnlyDictionary<string, string> hashes)
    {
        Replace(yaml.Documents[0].RootNode, hashes);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        yaml.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static IEnumerable<(string Link, bool IsMapping)> FileLinks(YamlNode node, bool inMapping = false)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var name = (key as YamlScalarNode)?.Value;
                    if (name == "file" && value is YamlScalarNode { Value: { } link })
                    {
                        yield return (link.Trim(), inMapping);
                    }
                    else
                    {
                        foreach (var item in FileLinks(value, name == "mapping"))
                        {
                            yield return item;
                        }
                    }
                }

                break;
            case YamlSequenceNode list:
                foreach (var child in list.Children)
                {
                    foreach (var item in FileLinks(child))
                    {
                        yield return item;
                    }
                }

                break;
        }
    }

    private static void Replace(YamlNode node, IReadOnlyDictionary<string, string> hashes)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children.ToList())
                {
                    if (key is YamlScalarNode { Value: "file" } && value is YamlScalarNode { Value: { } link } && hashes.TryGetValue(link.Trim(), out var hash))
                    {
                        map.Children[key] = new YamlMappingNode(new YamlScalarNode("/"), new YamlScalarNode("/ipfs/" + hash));
                    }
                    else
                    {
                        Replace(value, hashes);
                    }
                }

                break;
            case YamlSequenceNode list:
                foreach (var child in list.Children)
                {
                    Replace(child, hashes);
                }

                break;
        }
    }
}
