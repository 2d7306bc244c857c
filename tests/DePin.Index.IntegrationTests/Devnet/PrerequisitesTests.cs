using System.Text.Json;
using DePin.Index.Devnet;

namespace DePin.Index.IntegrationTests.Devnet;

/// <summary>Prerequisites on this machine: the tools are found (installed if missing) and the contracts compile.</summary>
public sealed class PrerequisitesTests
{
    private static readonly string[] Contracts = ["RewardToken", "DeviceRegistry", "ProofOfPhysicalWork", "RewardDistributor", "EnergyMarket"];

    [Fact]
    public async Task Ensure_finds_the_tools_and_compiles_every_contract()
    {
        var paths = RepoPaths.Find();
        var progress = new List<string>();
        var tools = await Prerequisites.EnsureAsync(paths, compileContracts: true, new SyncProgress(progress));

        Assert.True(File.Exists(Path.Combine(tools.PostgresBinDir, "initdb")));
        Assert.True(File.Exists(Path.Combine(tools.PostgresBinDir, "pg_ctl")));
        Assert.True(File.Exists(tools.RedisServer));
        Assert.Equal(paths.AnvilBinary, tools.Anvil);
        Assert.False(Prerequisites.NpmToolsStale(paths));
        Assert.Contains(progress, line => line.StartsWith("contracts: ", StringComparison.Ordinal));

        foreach (var name in Contracts)
        {
            using var artifact = JsonDocument.Parse(await File.ReadAllTextAsync(paths.ContractArtifact(name)));
            var root = artifact.RootElement;
            Assert.Equal(name, root.GetProperty("contractName").GetString());
            Assert.Matches("^0x6[0-9a-f]{200,}$", root.GetProperty("bytecode").GetString()); // PUSHn …
            Assert.True(root.GetProperty("deployedBytecode").GetString()!.Length > 100);
            Assert.Equal(JsonValueKind.Array, root.GetProperty("abi").ValueKind);
        }
    }

    [Fact]
    public void FindOnPath_finds_sh_and_not_nonsense()
    {
        Assert.NotNull(Prerequisites.FindOnPath("sh"));
        Assert.Null(Prerequisites.FindOnPath("no-such-tool-depin-test"));
    }

    private sealed class SyncProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines) lines.Add(value);
        }
    }
}
