using System.Diagnostics;
using DePin.Index.Subgraph.Manifest;

namespace DePin.Index.Subgraph.Tests.Manifest;

public class ManifestTemplateTests
{
    private static readonly Dictionary<string, DeployedContract> Contracts = new()
    {
        ["RewardToken"] = new("0x5FbDB2315678afecb367f032d93F642f64180aa3", 1),
        ["DeviceRegistry"] = new("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", 2),
        ["ProofOfPhysicalWork"] = new("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", 3),
        ["RewardDistributor"] = new("0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9", 4),
        ["EnergyMarket"] = new("0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9", 6),
    };

    private static string DepinTemplate => File.ReadAllText(Path.Combine(RepoPaths.DepinSubgraph, "subgraph.template.yaml"));

    [Fact]
    public void Renders_addresses_and_start_blocks()
    {
        var yaml = ManifestTemplate.Render(DepinTemplate, Contracts);
        Assert.StartsWith(ManifestTemplate.Header, yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", yaml, StringComparison.Ordinal);
        var manifest = SubgraphManifest.Parse(yaml);
        var registry = manifest.FindDataSource("DeviceRegistry")!;
        Assert.Equal("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512", registry.Source.Address!.Value.ToString().ToLowerInvariant());
        Assert.Equal(2, registry.Source.StartBlock);
        Assert.Equal(6, manifest.FindDataSource("EnergyMarket")!.Source.StartBlock);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Without_contracts_renders_zero_addresses(bool emptyState)
    {
        var manifest = SubgraphManifest.Parse(ManifestTemplate.Render(DepinTemplate, emptyState ? new Dictionary<string, DeployedContract>() : null));
        Assert.All(manifest.DataSources, d => Assert.Equal(Ethereum.Primitives.Address.Zero, d.Source.Address));
        Assert.All(manifest.DataSources, d => Assert.Equal(0, d.Source.StartBlock));
    }

    [Theory]
    [InlineData("a: 1\nb: \"{{Nope.address}}\"\n", "subgraph.template.yaml:2:5: no deployed contract \"Nope\" (have: DeviceRegistry, EnergyMarket, ProofOfPhysicalWork, RewardDistributor, RewardToken)")]
    [InlineData("a: {{RewardToken.owner}}\n", "subgraph.template.yaml:1:4: unknown placeholder {{RewardToken.owner}} (expected {{Contract.address}} or {{Contract.block}})")]
    public void Bad_placeholders_are_reported_with_their_position(string template, string message)
    {
        var e = Assert.Throws<ManifestException>(() => ManifestTemplate.Render(template, Contracts));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Reads_the_devnet_state_file()
    {
        var path = Path.GetTempFileName();
        try
        {
            // The shape DePin.Index.Devnet's DevnetState writes.
            File.WriteAllText(path, """
                {
                  "version": 1,
                  "dir": "/work/main/.devnet",
                  "chainId": 31337,
                  "anvil": { "pid": 1234, "port": 8545, "url": "http://127.0.0.1:8545" },
                  "contracts": { "RewardToken": { "address": "0x5FbDB2315678afecb367f032d93F642f64180aa3", "block": 1 } },
                  "deployer": "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
                  "deployedAtBlock": 1,
                  "updatedAt": "2026-11-24T09:00:00+00:00"
                }
                """);
            var contracts = ManifestTemplate.ReadState(path);
            Assert.Equal(new DeployedContract("0x5FbDB2315678afecb367f032d93F642f64180aa3", 1), contracts["RewardToken"]);

            File.WriteAllText(path, """{ "contracts": { "RewardToken": { "address": "0x5FbD", "block": 1 } } }""");
            var e = Assert.Throws<ManifestException>(() => ManifestTemplate.ReadState(path));
            Assert.Equal($"{path}: contracts.RewardToken.address: must be a 0x-prefixed 20-byte hex address", e.Message);

            File.WriteAllText(path, """{ "contracts": { "RewardToken": { "address": "0x5FbDB2315678afecb367f032d93F642f64180aa3", "block": -1 } } }""");
            e = Assert.Throws<ManifestException>(() => ManifestTemplate.ReadState(path));
            Assert.Equal($"{path}: contracts.RewardToken.block: must be a non-negative integer", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Node_script_renders_the_same_manifest()
    {
        var dir = Directory.CreateTempSubdirectory("render-");
        try
        {
            File.Copy(Path.Combine(RepoPaths.DepinSubgraph, "subgraph.template.yaml"), Path.Combine(dir.FullName, "subgraph.template.yaml"));
            var state = Path.Combine(dir.FullName, "state.json");
            File.WriteAllText(state, "{\"contracts\":{" + string.Join(",", Contracts.Select(c => $"\"{c.Key}\":{{\"address\":\"{c.Value.Address}\",\"block\":{c.Value.Block}}}")) + "}}");
            var psi = new ProcessStartInfo("node", [Path.Combine(RepoPaths.DepinSubgraph, "render-manifest.mjs"), "--dir", dir.FullName, "--state", state])
            {
                RedirectStandardError = true,
            };
            using var p = Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, stderr);
            Assert.Equal(ManifestTemplate.Render(DepinTemplate, Contracts), File.ReadAllText(Path.Combine(dir.FullName, "subgraph.yaml")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
