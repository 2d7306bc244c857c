using DePin.Index.Devnet;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Abi;
using DePin.Index.NetworkSubgraph.Tests.Fixtures;
using YamlDotNet.RepresentationModel;

namespace DePin.Index.NetworkSubgraph.Tests.Subgraph;

/// <summary>
/// The manifest template against the compiled contracts: one data source per protocol contract, and a handler for every
/// event that changes a balance (signatures exactly as the ABI declares them), so no contract change goes unnoticed.
/// </summary>
public sealed class ManifestCoverageTests
{
    /// <summary>Events that move no balance the subgraph keeps (allowances, the minter list).</summary>
    private static readonly HashSet<string> NotIndexed = ["Approval", "MinterAdded", "MinterRemoved"];

    private static readonly string Template = Path.Combine(SubgraphBuild.Folder, "subgraph.template.yaml");

    [Fact]
    public void Every_protocol_contract_has_a_data_source_and_every_balance_event_a_handler()
    {
        var build = SubgraphBuild.NetworkBuild; // compiles the contracts too
        Assert.True(Directory.Exists(build));
        var handlers = Handlers();
        Assert.Equal(ProtocolDeployment.Names.Order(StringComparer.Ordinal), handlers.Keys.Order(StringComparer.Ordinal));
        var missing = new List<string>();
        var unknown = new List<string>();
        foreach (var name in ProtocolDeployment.Names)
        {
            var events = ContractAbi.Load(Path.Combine(RepoPaths.Find().ContractsBuild, $"{name}.json")).Events
                .Where(e => !NotIndexed.Contains(e.Name)).Select(e => e.ManifestSignature).ToHashSet(StringComparer.Ordinal);
            missing.AddRange(events.Except(handlers[name]).Select(e => $"{name}.{e}"));
            unknown.AddRange(handlers[name].Except(events).Select(e => $"{name}.{e}"));
        }

        Assert.True(missing.Count == 0, $"events without a handler: {string.Join(", ", missing)}");
        Assert.True(unknown.Count == 0, $"handlers of events the contracts do not declare: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Every_data_source_starts_at_its_contracts_deployment_block_and_address()
    {
        var text = File.ReadAllText(Template);
        foreach (var name in ProtocolDeployment.Names)
        {
            Assert.Contains($"address: \"{{{{{name}.address}}}}\"", text, StringComparison.Ordinal);
            Assert.Contains($"startBlock: {{{{{name}.block}}}}", text, StringComparison.Ordinal);
        }
    }

    /// <summary>Data source name → the event signatures it handles.</summary>
    private static Dictionary<string, HashSet<string>> Handlers()
    {
        // The template's placeholders are not YAML scalars until rendered: quote them for parsing.
        var text = File.ReadAllText(Template).Replace("startBlock: {{", "startBlock: \"{{", StringComparison.Ordinal)
            .Replace(".block}}", ".block}}\"", StringComparison.Ordinal);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var ds in ((YamlSequenceNode)root["dataSources"]).Cast<YamlMappingNode>())
        {
            var name = ((YamlScalarNode)ds["name"]).Value!;
            var mapping = (YamlMappingNode)ds["mapping"];
            result[name] = ((YamlSequenceNode)mapping["eventHandlers"]).Cast<YamlMappingNode>()
                .Select(h => ((YamlScalarNode)h["event"]).Value!).ToHashSet(StringComparer.Ordinal);
        }

        return result;
    }
}
