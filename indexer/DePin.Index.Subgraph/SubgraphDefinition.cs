using DePin.Index.Ethereum.Abi;
using DePin.Index.Subgraph.Manifest;
using DePin.Index.Subgraph.Schema;

namespace DePin.Index.Subgraph;

/// <summary>
/// A subgraph ready to index: its manifest, its schema and the ABIs of its data sources and
/// templates, with every handler checked against them as graph-node does on deployment — each
/// event handler's signature names an event of the data source's ABI (with <c>indexed</c>
/// markers, or without them when the name is not overloaded), each call handler a function,
/// each declared call a function of its ABI, and the features the schema uses are declared.
/// </summary>
public sealed class SubgraphDefinition
{
    private readonly Dictionary<DataSource, Dictionary<string, ContractAbi>> _abis;
    private readonly Dictionary<MappingEventHandler, EventAbi> _events;

    private SubgraphDefinition(SubgraphManifest manifest, SubgraphSchema schema,
        Dictionary<DataSource, Dictionary<string, ContractAbi>> abis, Dictionary<MappingEventHandler, EventAbi> events)
    {
        Manifest = manifest;
        Schema = schema;
        _abis = abis;
        _events = events;
    }

    public SubgraphManifest Manifest { get; }

    public SubgraphSchema Schema { get; }

    /// <summary>Loads <c>subgraph.yaml</c> (a subgraph folder's or graph-cli's <c>build/subgraph.yaml</c>) and the files it names.</summary>
    /// <exception cref="ManifestException">for an invalid manifest, an unreadable or invalid ABI, or a handler the ABI lacks.</exception>
    /// <exception cref="SchemaException">for an invalid schema.</exception>
    public static SubgraphDefinition Load(string manifestPath) => From(SubgraphManifest.Load(manifestPath));

    /// <summary>Loads the schema and ABIs of a parsed manifest and checks the handlers against them.</summary>
    /// <param name="manifest">The manifest.</param>
    /// <param name="readFile">Reads a linked file (e.g. from IPFS); by default local files are read and IPFS links refused.</param>
    public static SubgraphDefinition From(SubgraphManifest manifest, Func<FileLink, string>? readFile = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        readFile ??= ReadLocal;
        var schemaLink = manifest.Schema;
        var schema = SubgraphSchema.Parse(Read(readFile, schemaLink, manifest.File, "schema.file"), schemaLink.FullPath ?? schemaLink.Link, manifest.SpecVersion);
        if (schema.Fulltexts.Count > 0 && !manifest.Features.Contains("fullTextSearch"))
        {
            throw new ManifestException(manifest.File, 0, 0, "features", "the schema uses @fulltext but the `fullTextSearch` feature is not declared");
        }

        var abis = new Dictionary<DataSource, Dictionary<string, ContractAbi>>();
        var events = new Dictionary<MappingEventHandler, EventAbi>();
        var cache = new Dictionary<string, ContractAbi>(StringComparer.Ordinal);
        foreach (var ds in manifest.DataSources.Concat(manifest.Templates))
        {
            var byName = new Dictionary<string, ContractAbi>(StringComparer.Ordinal);
            foreach (var abi in ds.Mapping.Abis)
            {
                byName[abi.Name] = LoadAbi(readFile, abi, cache);
            }

            abis[ds] = byName;
            HandlerCheck.Check(ds, byName, events);
        }

        return new SubgraphDefinition(manifest, schema, abis, events);
    }

    /// <summary>An ABI of a data source or template by name (as listed in its <c>mapping.abis</c>).</summary>
    public ContractAbi GetAbi(DataSource dataSource, string abiName)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return _abis.TryGetValue(dataSource, out var byName) && byName.TryGetValue(abiName, out var abi)
            ? abi
            : throw new KeyNotFoundException($"data source {dataSource.Name} has no ABI '{abiName}'");
    }

    /// <summary>The ABI event an event handler is triggered by (its <see cref="EventAbi.Topic0"/> selects the logs).</summary>
    public EventAbi GetEvent(MappingEventHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return _events.TryGetValue(handler, out var e) ? e : throw new KeyNotFoundException($"handler {handler.Handler} is not part of this subgraph");
    }

    private static ContractAbi LoadAbi(Func<FileLink, string> readFile, MappingAbi abi, Dictionary<string, ContractAbi> cache)
    {
        var key = abi.File.FullPath ?? abi.File.Link;
        if (cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var json = Read(readFile, abi.File, abi.Location.File, abi.Location.Path + ".file", abi.Location);
        try
        {
            return cache[key] = ContractAbi.Parse(json);
        }
        catch (AbiException e)
        {
            throw new ManifestException(abi.Location.File, abi.Location.Line, abi.Location.Column, abi.Location.Path + ".file",
                $"ABI '{abi.Name}' ({abi.File}) is invalid: {e.Message}", e);
        }
    }

    private static string Read(Func<FileLink, string> readFile, FileLink link, string manifestFile, string keyPath, ManifestLocation? at = null)
    {
        try
        {
            return readFile(link);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new ManifestException(manifestFile, at?.Line ?? 0, at?.Column ?? 0, keyPath, $"cannot read {link}: {e.Message}", e);
        }
    }

    private static string ReadLocal(FileLink link) =>
        link.FullPath is { } path
            ? File.ReadAllText(path)
            : throw new InvalidOperationException(link.IsIpfs ? "an IPFS link needs a reader that can fetch it" : "the manifest was parsed without a folder to resolve the path against");
}
