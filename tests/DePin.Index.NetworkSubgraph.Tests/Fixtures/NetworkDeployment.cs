using System.Globalization;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Pipeline;
using DePin.Index.Subgraph;
using DePin.Index.Subgraph.Manifest;
using DePin.Index.TestSupport;
using YamlDotNet.RepresentationModel;

namespace DePin.Index.NetworkSubgraph.Tests.Fixtures;

/// <summary>
/// The network subgraph as graph-cli built it (build/subgraph.yaml, its wasm and schema), pointed at a test chain's protocol
/// contracts, as a <see cref="DeploymentDescriptor"/>. The built manifest on disk is never rewritten: the rendered text lives in
/// memory and resolves its files against the build folder. Every data source must be given an address.
/// </summary>
internal static class NetworkDeployment
{
    /// <param name="contracts">Data source (= contract) name → address and the block it was deployed in (its start block).</param>
    public static DeploymentDescriptor Create(IReadOnlyDictionary<string, (Address Address, long Block)> contracts) =>
        FromBuild(SubgraphBuild.NetworkBuild, contracts);

    public static DeploymentDescriptor FromBuild(string build, IReadOnlyDictionary<string, (Address Address, long Block)> contracts)
    {
        var path = Path.Combine(build, "subgraph.yaml");
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var list = (YamlSequenceNode)root.Children[new YamlScalarNode("dataSources")];
        foreach (var node in list.Children.Cast<YamlMappingNode>())
        {
            var name = ((YamlScalarNode)node.Children[new YamlScalarNode("name")]).Value!;
            if (!contracts.TryGetValue(name, out var contract))
            {
                throw new ArgumentException($"no deployed contract for the data source '{name}' (have: {string.Join(", ", contracts.Keys)})");
            }

            var source = (YamlMappingNode)node.Children[new YamlScalarNode("source")];
            source.Children[new YamlScalarNode("address")] = new YamlScalarNode(contract.Address.ToHex()) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted };
            source.Children[new YamlScalarNode("startBlock")] = new YamlScalarNode(contract.Block.ToString(CultureInfo.InvariantCulture));
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        yaml.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        var manifest = SubgraphManifest.Parse(text, path, build);
        var definition = SubgraphDefinition.From(manifest);
        var schema = File.ReadAllText(Path.Combine(build, "schema.graphql"));
        return new DeploymentDescriptor(DeploymentIds.Of(text), definition, schema, text) { Name = "network/test" };
    }
}
