using System.Net;
using System.Net.Sockets;
using DePin.Index.Devnet;

namespace DePin.Index.IntegrationTests.Devnet;

/// <summary>The servers on their own, as tests use them: start on a free port, answer, stop on dispose.</summary>
public sealed class ServerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("depin-server-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Private_anvil_answers_and_dies_on_dispose()
    {
        var paths = RepoPaths.Find();
        int pid;
        await using (var anvil = await AnvilServer.StartAsync(new AnvilSettings
        {
            BinaryPath = paths.AnvilBinary,
            ChainId = 1337,
            LogPath = Path.Combine(_dir, "anvil.log"),
        }))
        {
            pid = anvil.Record.Pid;
            Assert.True(anvil.Record.Port > 0);
            Assert.Equal("0x539", (await RawClients.RpcAsync(anvil.RpcUrl.ToString(), "eth_chainId")).GetString());
            Assert.Equal(1337, await AnvilServer.ChainIdAsync(anvil.RpcUrl));
            Assert.True(await AnvilServer.IsAnsweringAsync(anvil.Record, 1337));
            Assert.False(await AnvilServer.IsAnsweringAsync(anvil.Record, 31337));
            var block = await RawClients.RpcAsync(anvil.RpcUrl.ToString(), "eth_getBlockByNumber", "[\"latest\",false]");
            Assert.Equal("0x5f5e100", block.GetProperty("gasLimit").GetString()); // 100 M, the devnet default
            var tiny = await RawClients.DeployTinyContractAsync(anvil.RpcUrl.ToString());
            Assert.True(await AnvilServer.HasCodeAsync(anvil.RpcUrl, tiny));
            Assert.False(await AnvilServer.HasCodeAsync(anvil.RpcUrl, "0x00000000000000000000000000000000000000aa"));
        }
        Assert.False(ProcessProbe.IsAlive(pid));
    }

    [Fact]
    public async Task Redis_answers_ping_and_reports_a_port_clash_with_its_log()
    {
        var tools = await Prerequisites.LocateAsync(RepoPaths.Find());
        await using (var redis = await RedisServer.StartAsync(new RedisSettings { ServerPath = tools.RedisServer, LogPath = Path.Combine(_dir, "redis.log") }))
        {
            Assert.Equal("+PONG", await RawClients.RedisCommandAsync(redis.Record.Port, "PING"));
            Assert.True(await RedisServer.PingAsync(redis.Record.Port));
            Assert.Equal("$-1", await RawClients.RedisCommandAsync(redis.Record.Port, "GET nothing"));
        }

        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        Assert.False(await RedisServer.PingAsync(port));
        var error = await Assert.ThrowsAsync<DevnetException>(() => RedisServer.StartAsync(
            new RedisSettings { ServerPath = tools.RedisServer, Port = port, LogPath = Path.Combine(_dir, "clash.log") }));
        Assert.Contains("exited", error.Message, StringComparison.Ordinal);
        Assert.Contains("in use", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_cluster_starts_answers_only_for_existing_databases_and_stops()
    {
        var tools = await Prerequisites.LocateAsync(RepoPaths.Find());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_dir, (UnixFileMode)0b111_101_101); // the postgres user must enter it
        var settings = new PostgresSettings { BinDir = tools.PostgresBinDir, Directory = Path.Combine(_dir, "pg"), Database = "probe" };
        int pid;
        await using (var pg = await PostgresServer.StartAsync(settings))
        {
            pid = pg.Record.Pid;
            Assert.True(await PostgresServer.IsAnsweringAsync(pg.Record, "probe"));
            Assert.False(await PostgresServer.IsAnsweringAsync(pg.Record, "no_such_database"));
            Assert.True(await RawClients.TcpConnectsAsync(pg.Record.Port));
            Assert.Contains("Database=probe", pg.ConnectionStringValue, StringComparison.Ordinal);
            var cmdline = (await File.ReadAllTextAsync($"/proc/{pid}/cmdline")).Split('\0');
            Assert.Contains("fsync=off", cmdline);
            Assert.Contains("listen_addresses=127.0.0.1", cmdline);
        }
        Assert.False(ProcessProbe.IsAlive(pid));
        Assert.Empty(ProcessProbe.ProcessesWorkingIn(_dir));
    }
}
