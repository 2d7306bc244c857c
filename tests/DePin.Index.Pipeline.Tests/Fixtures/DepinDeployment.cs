using System.Globalization;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Subgraph;
using DePin.Index.Subgraph.Manifest;
using DePin.Index.TestSupport;
using YamlDotNet.RepresentationModel;

namespace DePin.Index.Pipeline.Tests.Fixtures;

/// <summary>
/// The DePIN subgraph as graph-cli built it (build/subgraph.yaml, its wasm and schema), pointed at a test chain's contracts, as
/// a <see cref="DeploymentDescriptor"/>. The built manifest on disk is never rewritten: the rendered text lives in memory and
/// resolves its files against the build folder. Data sources not named are left out (same wasm, fewer sources).
/// </summary>
internal static class DepinDeployment
{
    /// <param name="contracts">Data source (= contract) name → address and the block it was deployed in (its start block).</param>
    /// <param name="startBlocks">Start blocks to use instead of the deployment blocks, by data source.</param>
    public static DeploymentDescriptor Create(IReadOnlyDictionary<string, (Address Address, long Block)> contracts,
        IReadOnlyDictionary<string, long>? startBlocks = null) => FromBuild(SubgraphBuild.DepinBuild, contracts, startBlocks);

    /// <summary>Any graph-cli build folder (its data sources named after the contracts they watch), rendered the same way.</summary>
    public static DeploymentDescriptor FromBuild(string build, IReadOnlyDictionary<string, (Address Address, long Block)> contracts,
        IReadOnlyDictionary<string, long>? startBlocks = null)
    {
        var path = Path.Combine(build, "subgraph.yaml");
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var list = (YamlSequenceNode)root.Children[new YamlScalarNode("dataSources")];
        var kept = new YamlSequenceNode();
        foreach (var node in list.Children.Cast<YamlMappingNode>())
        {
            var name = ((YamlScalarNode)node.Children[new YamlScalarNode("name")]).Value!;
            if (!contracts.TryGetValue(name, out var contract))
            {
                continue;
            }

            var start = startBlocks?.GetValueOrDefault(name, contract.Block) ?? contract.Block;
            var source = (YamlMappingNode)node.Children[new YamlScalarNode("source")];
            source.Children[new YamlScalarNode("address")] = new YamlScalarNode(contract.Address.ToHex()) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted };
            source.Children[new YamlScalarNode("startBlock")] = new YamlScalarNode(start.ToString(CultureInfo.InvariantCulture));
            kept.Add(node);
        }

        root.Children[new YamlScalarNode("dataSources")] = kept;
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        yaml.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        var manifest = SubgraphManifest.Parse(text, path, build);
        var definition = SubgraphDefinition.From(manifest);
        var schema = File.ReadAllText(Path.Combine(build, "schema.graphql"));
        return new DeploymentDescriptor(DeploymentIds.Of(text), definition, schema, text) { Name = "depin/test" };
    }
}
