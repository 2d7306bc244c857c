using System.Net;
using System.Net.Sockets;
using DePin.Index.Devnet;

namespace DePin.Index.IntegrationTests.Devnet;

/// <summary>The devnet's pieces that need no server: paths, ports, the state file.</summary>
public sealed class PureTests
{
    [Fact]
    public void RepoPaths_finds_the_solution_above_the_test_binaries()
    {
        var paths = RepoPaths.Find(null, [AppContext.BaseDirectory]);
        Assert.True(File.Exists(Path.Combine(paths.Root, "DePin.Index.sln")));
        Assert.Equal(Path.Combine(paths.Root, "deploy", "build", "RewardToken.json"), paths.ContractArtifact("RewardToken"));
        Assert.EndsWith("/deploy/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil", paths.AnvilBinary, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(paths.Root, ".devnet"), paths.DefaultDevnetDir);
    }

    [Fact]
    public void RepoPaths_home_overrides_and_must_be_a_root()
    {
        var root = RepoPaths.Find(null, [AppContext.BaseDirectory]).Root;
        Assert.Equal(root, RepoPaths.Find(root, ["/"]).Root);
        Assert.Throws<DevnetException>(() => RepoPaths.Find(Path.GetTempPath(), [AppContext.BaseDirectory]));
        Assert.Throws<DevnetException>(() => RepoPaths.Find(null, ["/proc"]));
    }

    [Fact]
    public void FreePort_prefers_the_given_port_when_free_and_avoids_busy_ones()
    {
        var free = FreePort.Any();
        Assert.Equal(free, FreePort.Pick(free));
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var taken = ((IPEndPoint)busy.LocalEndpoint).Port;
        Assert.False(FreePort.IsFree(taken));
        var other = FreePort.Pick(taken);
        Assert.NotEqual(taken, other);
        Assert.True(FreePort.IsFree(other));
        Assert.NotEqual(free, FreePort.Pick(free, [free]));
    }

    [Fact]
    public void DevnetState_round_trips_through_json()
    {
        var state = new DevnetState
        {
            Dir = "/tmp/x",
            ChainId = 31337,
            Postgres = new ServiceRecord(101, 5432, "postgresql://postgres@127.0.0.1:5432/depin", "/tmp/x/postgres/postgres.log",
                DateTimeOffset.Parse("2026-01-02T03:04:05Z", System.Globalization.CultureInfo.InvariantCulture), "postgres", 12345),
            Deployer = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
            DeployedAtBlock = 7,
        };
        state.Contracts["DeviceRegistry"] = new DeployedContract("0x5fbdb2315678afecb367f032d93f642f64180aa3", 1);
        var json = state.ToJson();
        Assert.Contains("\"contracts\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"redis\"", json, StringComparison.Ordinal); // nulls are left out
        var back = DevnetState.FromJson(json);
        Assert.Equal(state.Postgres, back.Postgres);
        Assert.Equal(state.Contracts, back.Contracts);
        Assert.Equal(7, back.DeployedAtBlock);
        Assert.Equal("Host=127.0.0.1;Port=5432;Username=postgres;Database=depin", back.PostgresConnectionString);
        Assert.Null(back.RedisEndpoint);
        back.ClearContracts();
        Assert.Empty(back.Contracts);
        Assert.Null(back.Deployer);
    }

    [Fact]
    public void DevnetState_load_reports_a_corrupt_file()
    {
        var dir = Directory.CreateTempSubdirectory("depin-state-test-").FullName;
        try
        {
            Assert.Null(DevnetState.Load(dir));
            File.WriteAllText(DevnetState.PathIn(dir), "{ not json");
            var error = Assert.Throws<DevnetException>(() => DevnetState.Load(dir));
            Assert.Contains("--fresh", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
