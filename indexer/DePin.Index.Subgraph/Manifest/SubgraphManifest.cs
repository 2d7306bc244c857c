namespace DePin.Index.Subgraph.Manifest;

/// <summary>
/// A parsed <c>subgraph.yaml</c> (graph-node's <c>SubgraphManifest</c>): spec version, schema file,
/// data sources and templates of kind <c>ethereum/contract</c>, features, graft and indexer hints.
/// Relative file names are resolved against the manifest's folder, which also serves graph-cli's
/// <c>build/subgraph.yaml</c> (its paths are relative to <c>build/</c>). Parsing checks the
/// structure and graph-node's version-gated rules; <see cref="SubgraphDefinition"/> also loads the
/// schema and ABIs and checks the handlers against them.
/// </summary>
public sealed class SubgraphManifest
{
    /// <summary>The lowest specVersion graph-node accepts.</summary>
    public static readonly Version MinSpecVersion = new(0, 0, 2);

    /// <summary>The highest specVersion this indexer accepts (composition, 1.3.0's subgraph data sources, is not supported).</summary>
    public static readonly Version MaxSpecVersion = new(1, 3, 0);

    /// <summary>The highest mapping apiVersion (graph-node's GRAPH_MAX_API_VERSION default).</summary>
    public static readonly Version MaxApiVersion = new(0, 0, 9);

    /// <summary>The features a manifest may declare (graph-node's <c>SubgraphFeature</c>).</summary>
    public static IReadOnlyList<string> KnownFeatures { get; } =
        ["nonFatalErrors", "grafting", "fullTextSearch", "aggregations", "bytesAsIds", "declaredEthCalls", "immutableEntities", "ipfsOnEthereumContracts"];

    public required Version SpecVersion { get; init; }

    public string? Description { get; init; }

    public string? Repository { get; init; }

    /// <summary>The schema.graphql file.</summary>
    public required FileLink Schema { get; init; }

    public required IReadOnlyList<DataSource> DataSources { get; init; }

    public IReadOnlyList<DataSource> Templates { get; init; } = [];

    /// <summary>Declared features (e.g. <c>fullTextSearch</c>, <c>grafting</c>, <c>nonFatalErrors</c>).</summary>
    public IReadOnlySet<string> Features { get; init; } = new HashSet<string>();

    public Graft? Graft { get; init; }

    public IndexerHints? IndexerHints { get; init; }

    /// <summary>The manifest file name used in messages (the path when loaded from disk).</summary>
    public required string File { get; init; }

    /// <summary>The folder relative file names resolve against; null when parsed from text without one.</summary>
    public string? Directory { get; init; }

    /// <summary>The apiVersion shared by the mappings (the highest one when they differ below 0.0.5).</summary>
    public Version ApiVersion => DataSources.Concat(Templates).Max(d => d.Mapping.ApiVersion)!;

    /// <summary>The network of the data sources (all use the same).</summary>
    public string Network => DataSources[0].Network;

    /// <summary>Reads and parses a manifest file.</summary>
    /// <exception cref="ManifestException">naming file, line and key for an unreadable or invalid manifest.</exception>
    public static SubgraphManifest Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        string text;
        try
        {
            text = System.IO.File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ManifestException(full, 0, 0, null, $"cannot read the manifest: {e.Message}", e);
        }

        return Parse(text, full, Path.GetDirectoryName(full));
    }

    /// <summary>Parses manifest text.</summary>
    /// <param name="yaml">The manifest.</param>
    /// <param name="file">Name used in messages.</param>
    /// <param name="directory">Folder to resolve relative file names against; null leaves <see cref="FileLink.FullPath"/> unset.</param>
    /// <exception cref="ManifestException">naming file, line and key for an invalid manifest.</exception>
    public static SubgraphManifest Parse(string yaml, string file = "subgraph.yaml", string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(file);
        return ManifestReader.Read(yaml, file, directory);
    }

    /// <summary>The data source with this name; null when there is none.</summary>
    public DataSource? FindDataSource(string name) => DataSources.FirstOrDefault(d => d.Name == name);

    /// <summary>The template with this name; null when there is none.</summary>
    public DataSource? FindTemplate(string name) => Templates.FirstOrDefault(d => d.Name == name);
}
