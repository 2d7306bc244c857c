using System.Diagnostics;
using DePin.Index.Devnet;
using Xunit.Abstractions;

namespace DePin.Index.IntegrationTests.Devnet;

/// <summary>
/// The whole life of a devnet in a temporary folder, on free ports: concurrent `up`s, the servers answering their
/// protocols, reuse, restart of a killed server, `down` leaving no process, the chain surviving `down`/`up`, `--fresh`.
/// One test on purpose: every step builds on the previous one and starting the servers is the expensive part.
/// </summary>
public sealed class LocalDevnetTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Up_reuse_restart_down_and_fresh()
    {
        var dir = Directory.CreateTempSubdirectory("depin-devnet-test-").FullName;
        var log = new Progress<string>(line => output.WriteLine(line));
        var options = new DevnetOptions
        {
            Dir = dir,
            PostgresPort = 0,
            RedisPort = 0,
            AnvilPort = 0,
            CompileContracts = false,
        };
        try
        {
            // Two concurrent ups: the lock makes the second reuse what the first started.
            var ups = await Task.WhenAll(LocalDevnet.UpAsync(options, log), LocalDevnet.UpAsync(options, log));
            var state = ups[0];
            Assert.NotNull(state.Postgres);
            Assert.NotNull(state.Redis);
            Assert.NotNull(state.Anvil);
            Assert.Equal(Pids(state), Pids(ups[1]));
            Assert.Equal(3, Pids(state).Distinct().Count());
            Assert.Equal(3, new[] { state.Postgres.Port, state.Redis.Port, state.Anvil.Port }.Distinct().Count());

            await AssertAnsweringAsync(state);
            Assert.Equal($"postgresql://postgres@127.0.0.1:{state.Postgres.Port}/depin", state.PostgresUrl);
            Assert.Equal(Pids(state), Pids(DevnetState.Load(dir)!));
            Assert.True((await LocalDevnet.StatusAsync(options)).AllRunning);

            // A recorded contract the chain has no code for is forgotten; the servers are reused.
            state.Contracts["Ghost"] = new DeployedContract("0x00000000000000000000000000000000000000aa", 1);
            state.Deployer = "0x00000000000000000000000000000000000000bb";
            state.DeployedAtBlock = 1;
            state.Save(dir);
            var again = await LocalDevnet.UpAsync(options, log);
            Assert.Equal(Pids(state), Pids(again));
            Assert.Empty(again.Contracts);
            Assert.Null(again.Deployer);
            Assert.Null(again.DeployedAtBlock);

            // A killed server is started again on its port; the others are kept.
            var tiny = await RawClients.DeployTinyContractAsync(again.Anvil!.Url);
            again.Contracts["Tiny"] = new DeployedContract(tiny, 1);
            again.Save(dir);
            using (var redis = Process.GetProcessById(again.Redis!.Pid)) redis.Kill();
            Assert.False((await LocalDevnet.StatusAsync(options)).Services[1].Running);
            var restarted = await LocalDevnet.UpAsync(options, log);
            Assert.Equal(again.Postgres!.Pid, restarted.Postgres!.Pid);
            Assert.Equal(again.Anvil.Pid, restarted.Anvil!.Pid);
            Assert.NotEqual(again.Redis.Pid, restarted.Redis!.Pid);
            Assert.Equal(again.Redis.Port, restarted.Redis.Port);
            Assert.Equal("+PONG", await RawClients.RedisCommandAsync(restarted.Redis.Port, "PING"));
            Assert.Equal(tiny, restarted.Contracts["Tiny"].Address);

            // Down stops exactly the recorded processes and leaves nothing running in the folder.
            await LocalDevnet.DownAsync(options, log);
            foreach (var pid in Pids(restarted)) Assert.False(ProcessProbe.IsAlive(pid), $"pid {pid} still alive after down");
            Assert.Empty(ProcessProbe.ProcessesWorkingIn(dir));
            var down = DevnetState.Load(dir)!;
            Assert.Null(down.Postgres);
            Assert.Null(down.Redis);
            Assert.Null(down.Anvil);
            Assert.True((await LocalDevnet.StatusAsync(options)).NoneAlive);

            // The chain (anvil --state) survives down/up, so the deployment is kept.
            var back = await LocalDevnet.UpAsync(options, log);
            await AssertAnsweringAsync(back);
            Assert.Equal(tiny, back.Contracts["Tiny"].Address);
            Assert.Equal("0x00", (await RawClients.RpcAsync(back.Anvil!.Url, "eth_getCode", $"[\"{tiny}\",\"latest\"]")).GetString());

            // Fresh down: stops and wipes everything but the lock file.
            options.Fresh = true;
            await LocalDevnet.DownAsync(options, log);
            foreach (var pid in Pids(back)) Assert.False(ProcessProbe.IsAlive(pid), $"pid {pid} still alive after fresh down");
            Assert.Empty(ProcessProbe.ProcessesWorkingIn(dir));
            Assert.Equal([".lock"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName));
        }
        finally
        {
            options.Fresh = false;
            await LocalDevnet.DownAsync(options);
            Directory.Delete(dir, recursive: true);
        }
    }

    private static int[] Pids(DevnetState state) => [state.Postgres?.Pid ?? 0, state.Redis?.Pid ?? 0, state.Anvil?.Pid ?? 0];

    private static async Task AssertAnsweringAsync(DevnetState state)
    {
        Assert.True(await RawClients.TcpConnectsAsync(state.Postgres!.Port), "postgres does not accept TCP");
        Assert.Equal(0, await PgToolAsync("pg_isready", "-h", "127.0.0.1", "-p", Port(state.Postgres.Port), "-d", "depin", "-U", "postgres"));
        // pg_isready does not check the database; psql fails (exit 2) when `depin` does not exist.
        Assert.Equal(0, await PgToolAsync("psql", "-X", "-h", "127.0.0.1", "-p", Port(state.Postgres.Port), "-U", "postgres", "-d", "depin",
            "-Atc", "SELECT 1"));
        Assert.Equal("+PONG", await RawClients.RedisCommandAsync(state.Redis!.Port, "PING"));
        Assert.Equal("0x7a69", (await RawClients.RpcAsync(state.Anvil!.Url, "eth_chainId")).GetString());
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs a PostgreSQL client tool (pg_isready, psql) and returns its exit code.</summary>
    private static async Task<int> PgToolAsync(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(Prerequisites.DebianPostgresBin, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
