using System.Globalization;
using DePin.Index.Ethereum.Primitives;
using YamlDotNet.RepresentationModel;

namespace DePin.Index.TestSupport;

/// <summary>
/// A copy of a graph-cli build/ folder whose manifest points at a test chain's contracts (address and start block per data
/// source, named after its contract; data sources not named are left out): what a user deploys with <c>depin subgraph deploy</c>
/// after building for their chain. The original build folder is never changed.
/// </summary>
public static class DepinBuildFolder
{
    /// <summary>Writes the copy into <paramref name="target"/> (created) and returns it.</summary>
    public static string Render(string build, IReadOnlyDictionary<string, (Address Address, long Block)> contracts, string target)
    {
        foreach (var file in Directory.EnumerateFiles(build, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(build, file);
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }

        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(build, "subgraph.yaml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var kept = new YamlSequenceNode();
        foreach (var node in ((YamlSequenceNode)root.Children[new YamlScalarNode("dataSources")]).Children.Cast<YamlMappingNode>())
        {
            var name = ((YamlScalarNode)node.Children[new YamlScalarNode("name")]).Value!;
            if (!contracts.TryGetValue(name, out var contract))
            {
                continue;
            }

            var source = (YamlMappingNode)node.Children[new YamlScalarNode("source")];
            source.Children[new YamlScalarNode("address")] = new YamlScalarNode(contract.Address.ToHex()) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted };
            source.Children[new YamlScalarNode("startBlock")] = new YamlScalarNode(contract.Block.ToString(CultureInfo.InvariantCulture));
            kept.Add(node);
        }

        root.Children[new YamlScalarNode("dataSources")] = kept;
        using var writer = new StreamWriter(Path.Combine(target, "subgraph.yaml"));
        yaml.Save(writer, assignAnchors: false);
        return target;
    }
}
