using System.Globalization;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Subgraph;
using DePin.Index.Subgraph.Manifest;
using YamlDotNet.RepresentationModel;

namespace DePin.Index.Indexing.Tests.Fixtures;

/// <summary>
/// graph-cli's built manifest pointed at the test chain's contracts, in memory: the checked-out
/// <c>build/subgraph.yaml</c> (built against zero addresses) is never rewritten, so tests running at the same
/// time keep their own view. Each data source gets its contract's address and deployment block; data sources not
/// named are dropped (a subgraph with fewer data sources, same wasm).
/// </summary>
internal static class BuiltManifest
{
    /// <summary>Loads <paramref name="buildManifest"/> with data source name → (address, start block).</summary>
    /// <param name="buildManifest">graph-cli's build/subgraph.yaml.</param>
    /// <param name="dataSources">The data sources to keep, with their contract.</param>
    /// <param name="contextData">Data source name → context key → new <c>data</c> (the value's type stays).</param>
    public static SubgraphDefinition Load(string buildManifest, IReadOnlyDictionary<string, (Address Address, long StartBlock)> dataSources,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? contextData = null)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(buildManifest))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var list = (YamlSequenceNode)root.Children[new YamlScalarNode("dataSources")];
        var kept = new YamlSequenceNode();
        foreach (var node in list.Children.Cast<YamlMappingNode>())
        {
            var name = ((YamlScalarNode)node.Children[new YamlScalarNode("name")]).Value!;
            if (!dataSources.TryGetValue(name, out var contract))
            {
                continue;
            }

            var source = (YamlMappingNode)node.Children[new YamlScalarNode("source")];
            source.Children[new YamlScalarNode("address")] = new YamlScalarNode(contract.Address.ToHex()) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted };
            source.Children[new YamlScalarNode("startBlock")] = new YamlScalarNode(contract.StartBlock.ToString(CultureInfo.InvariantCulture));
            if (contextData?.GetValueOrDefault(name) is { } values)
            {
                var context = (YamlMappingNode)node.Children[new YamlScalarNode("context")];
                foreach (var (key, data) in values)
                {
                    var entry = (YamlMappingNode)context.Children[new YamlScalarNode(key)];
                    entry.Children[new YamlScalarNode("data")] = new YamlScalarNode(data) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted };
                }
            }

            kept.Add(node);
        }

        var missing = dataSources.Keys.Where(n => !list.Children.Cast<YamlMappingNode>()
            .Any(d => ((YamlScalarNode)d.Children[new YamlScalarNode("name")]).Value == n)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"{buildManifest} has no data source {string.Join(", ", missing)}", nameof(dataSources));
        }

        root.Children[new YamlScalarNode("dataSources")] = kept;
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        yaml.Save(writer, assignAnchors: false);
        var manifest = SubgraphManifest.Parse(writer.ToString(), buildManifest, Path.GetDirectoryName(buildManifest));
        return SubgraphDefinition.From(manifest);
    }
}
