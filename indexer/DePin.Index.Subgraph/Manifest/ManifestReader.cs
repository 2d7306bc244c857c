using DePin.Index.Ethereum.Primitives;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Version = System.Version;

namespace DePin.Index.Subgraph.Manifest;

/// <summary>
/// Builds a <see cref="SubgraphManifest"/> from YAML, key by key, with graph-node's rules
/// (<c>graph/src/data/subgraph/mod.rs</c>, <c>chain/ethereum/src/data_source.rs</c>).
/// The mapping part is read by <see cref="MappingReader"/>.
/// </summary>
internal sealed class ManifestReader
{
    private static readonly Version Spec004 = new(0, 0, 4);
    private static readonly Version Spec009 = new(0, 0, 9);
    private static readonly Version Spec100 = new(1, 0, 0);

    private readonly string _file;
    private readonly string? _directory;
    private Version _spec = new(0, 0, 0);

    private ManifestReader(string file, string? directory)
    {
        _file = file;
        _directory = directory;
    }

    public static SubgraphManifest Read(string yaml, string file, string? directory)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ManifestException(file, (int)e.Start.Line, (int)e.Start.Column, null, $"invalid YAML: {YamlProblem(e)}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet fails this way, without a position, on some malformed documents (an unclosed
            // flow collection, an anchor on a key, …).
            throw new ManifestException(file, 0, 0, null, "invalid YAML: the YAML parser gave up (check brackets, quotes, anchors and indentation)", e);
        }

        if (stream.Documents.Count != 1)
        {
            throw new ManifestException(file, 0, 0, null, stream.Documents.Count == 0 ? "the manifest is empty" : "the manifest must be one YAML document");
        }

        return new ManifestReader(file, directory).ReadRoot(new ManifestNode(stream.Documents[0].RootNode, "", file));
    }

    private SubgraphManifest ReadRoot(ManifestNode root)
    {
        root.AsMapping();
        root.AllowOnly("specVersion", "description", "repository", "schema", "dataSources", "templates", "features", "graft", "indexerHints");
        var specNode = root.Required("specVersion");
        _spec = specNode.AsVersion();
        if (_spec < SubgraphManifest.MinSpecVersion || _spec > SubgraphManifest.MaxSpecVersion)
        {
            throw specNode.Error($"specVersion {_spec} is not supported (supported: {SubgraphManifest.MinSpecVersion} to {SubgraphManifest.MaxSpecVersion})");
        }

        var schemaNode = root.Required("schema");
        schemaNode.AllowOnly("file");
        var dataSourcesNode = root.Required("dataSources");
        var dataSources = dataSourcesNode.Items().Select(n => ReadDataSource(n, template: false)).ToList();
        if (dataSources.Count == 0)
        {
            throw dataSourcesNode.Error("a subgraph needs at least one data source");
        }

        var templates = root.Get("templates") is { } t ? t.Items().Select(n => ReadDataSource(n, template: true)).ToList() : [];
        var manifest = new SubgraphManifest
        {
            SpecVersion = _spec,
            Description = root.Get("description")?.AsString(),
            Repository = root.Get("repository")?.AsString(),
            Schema = ReadFile(schemaNode.Required("file")),
            DataSources = dataSources,
            Templates = templates,
            Features = ReadFeatures(root.Get("features")),
            Graft = ReadGraft(root.Get("graft")),
            IndexerHints = ReadIndexerHints(root.Get("indexerHints")),
            File = _file,
            Directory = _directory,
        };
        ManifestRules.Check(manifest, root);
        return manifest;
    }

    private DataSource ReadDataSource(ManifestNode node, bool template)
    {
        node.AllowOnly("kind", "name", "network", "source", "mapping", "context");
        var kindNode = node.Required("kind");
        var kind = kindNode.AsName();
        if (kind is not ("ethereum/contract" or "ethereum"))
        {
            throw kindNode.Error($"data source kind '{kind}' is not supported (supported: ethereum/contract, ethereum)");
        }

        return new DataSource
        {
            Kind = kind,
            Name = node.Required("name").AsName(),
            Network = node.Required("network").AsName(),
            Source = ReadSource(node.Required("source"), template),
            Mapping = MappingReader.Read(node.Required("mapping"), _spec, this),
            IsTemplate = template,
            Context = node.Get("context") is { } ctx ? ContextReader.Read(ctx) : null,
            Location = node.Location,
        };
    }

    private ContractSource ReadSource(ManifestNode node, bool template)
    {
        node.AllowOnly("address", "abi", "startBlock", "endBlock");
        Address? address = null;
        if (node.Get("address") is { } a)
        {
            if (template)
            {
                throw a.Error("a template has no address: it gets one when the mapping creates a data source from it");
            }

            // graph-node parses addresses case-insensitively (no EIP-55 check).
            if (!Address.TryParse(a.AsString().Trim().ToLowerInvariant(), out var parsed))
            {
                throw a.Error($"must be a 20-byte hex address (0x followed by 40 hex digits), not {a.Describe()}");
            }

            address = parsed;
        }

        var start = node.Get("startBlock")?.AsInteger(0, int.MaxValue) ?? 0;
        long? end = null;
        if (node.Get("endBlock") is { } e)
        {
            RequireSpec(e, Spec009);
            end = e.AsInteger(0, int.MaxValue);
            if (end < start)
            {
                throw e.Error($"endBlock {end} is before startBlock {start}");
            }
        }

        return new ContractSource { Address = address, Abi = node.Required("abi").AsName(), StartBlock = start, EndBlock = end };
    }

    internal FileLink ReadFile(ManifestNode node)
    {
        // graph-cli writes `file: ./x`; a deployed manifest links IPFS files as `file: { /: /ipfs/Qm… }`.
        if (node.Node is YamlMappingNode)
        {
            node.AllowOnly("/");
            return FileLink.Resolve(node.Required("/").AsName(), _directory);
        }

        return FileLink.Resolve(node.AsName(), _directory);
    }

    internal static void RequireSpec(ManifestNode node, Version min, Version spec)
    {
        if (spec < min)
        {
            throw node.Error($"needs specVersion {min} or later (the manifest has {spec})");
        }
    }

    private void RequireSpec(ManifestNode node, Version min) => RequireSpec(node, min, _spec);

    private HashSet<string> ReadFeatures(ManifestNode? node)
    {
        var features = new HashSet<string>(StringComparer.Ordinal);
        if (node is not { } n)
        {
            return features;
        }

        RequireSpec(n, Spec004);
        foreach (var item in n.Items())
        {
            var name = item.AsName();
            if (!SubgraphManifest.KnownFeatures.Contains(name))
            {
                throw item.Error($"unknown feature '{name}' (known: {string.Join(", ", SubgraphManifest.KnownFeatures)})");
            }

            features.Add(name);
        }

        return features;
    }

    private static Graft? ReadGraft(ManifestNode? node)
    {
        if (node is not { } n)
        {
            return null;
        }

        n.AllowOnly("base", "block");
        var baseNode = n.Required("base");
        var id = baseNode.AsName();
        if (!id.All(char.IsAsciiLetterOrDigit) || id.Length > 46)
        {
            throw baseNode.Error($"must be a deployment id (Qm…), not '{ManifestNode.Truncate(id)}'");
        }

        return new Graft(id, n.Required("block").AsInteger(0, int.MaxValue));
    }

    private IndexerHints? ReadIndexerHints(ManifestNode? node)
    {
        if (node is not { } n)
        {
            return null;
        }

        RequireSpec(n, Spec100);
        n.AllowOnly("prune");
        if (n.Get("prune") is not { } prune)
        {
            return null;
        }

        var text = prune.AsString().Trim();
        return text switch
        {
            "auto" => new IndexerHints(PruneMode.Auto),
            "never" => new IndexerHints(PruneMode.Never),
            _ when int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var blocks) && blocks > 0
                => new IndexerHints(PruneMode.Blocks, blocks),
            _ => throw prune.Error($"must be auto, never or a positive number of blocks, not '{ManifestNode.Truncate(text)}'"),
        };
    }

    private static string YamlProblem(YamlException e)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 40) - (Line: …): "; the location is reported separately.
        var message = e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && cut >= 0 ? message[(cut + 3)..] : message;
    }
}
