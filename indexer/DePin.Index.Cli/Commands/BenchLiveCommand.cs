using System.CommandLine;
using DePin.Index.Devnet;
using DePin.Index.Store;
using Spectre.Console;

namespace DePin.Index.Cli.Commands;

/// <summary>
/// `depin bench live`: the live layer's figures on this machine, with private PostgreSQL and Redis servers unless URLs are given:
/// subscription push latency (block committed → a graphql-transport-ws client has the new result, through Redis pub/sub and the
/// node's WebSocket port) for 1 and many subscribers, and query throughput over HTTP with the Redis result cache (all hits) against
/// the same node without it. Load generators run in this process, on the same cores.
/// </summary>
internal static class BenchLiveCommand
{
    public static Command Build(IAnsiConsole console)
    {
        var devices = new Option<int>("--devices") { Description = "Devices in the deployment.", DefaultValueFactory = _ => 2_000 };
        var blocks = new Option<int>("--blocks") { Description = "Blocks committed per latency run (one sample each).", DefaultValueFactory = _ => 100 };
        var subscribers = new Option<int>("--subscribers") { Description = "WebSocket subscribers of the many-subscriber run.", DefaultValueFactory = _ => 100 };
        var concurrency = new Option<int>("--concurrency") { Description = "Concurrent HTTP clients of the throughput runs.", DefaultValueFactory = _ => 8 };
        var seconds = new Option<int>("--seconds") { Description = "Measured seconds per throughput run (after 1 s of warm-up).", DefaultValueFactory = _ => 5 };
        var postgres = new Option<string?>("--postgres-url") { Description = "Use this PostgreSQL instead of a private one." };
        var redis = new Option<string?>("--redis-url") { Description = "Use this Redis (host:port) instead of a private one." };
        var cmd = new Command("live", "Subscription push latency and result-cache throughput of the live layer.")
        {
            devices, blocks, subscribers, concurrency, seconds, postgres, redis,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var owned = new List<IAsyncDisposable>();
            var dir = Directory.CreateTempSubdirectory("depin-bench-live-");
            try
            {
                var pgUrl = parse.GetValue(postgres);
                var redisUrl = parse.GetValue(redis);
                var tools = string.IsNullOrWhiteSpace(pgUrl) || string.IsNullOrWhiteSpace(redisUrl) ? await Prerequisites.LocateAsync(RepoPaths.Find(), ct) : null;
                if (string.IsNullOrWhiteSpace(pgUrl))
                {
                    if (!OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(dir.FullName, (UnixFileMode)0b111_101_101); // the postgres user must enter it
                    }

                    var server = await PostgresServer.StartAsync(new PostgresSettings { BinDir = tools!.PostgresBinDir, Directory = Path.Combine(dir.FullName, "pg"), Port = FreePort.Pick() }, null, ct);
                    owned.Add(server);
                    pgUrl = PostgresServer.Url(server.Record.Port, PostgresSettings.DefaultDatabase);
                }

                if (string.IsNullOrWhiteSpace(redisUrl))
                {
                    var server = await RedisServer.StartAsync(new RedisSettings { ServerPath = tools!.RedisServer, Port = FreePort.Pick(), LogPath = Path.Combine(dir.FullName, "redis.log") }, ct);
                    owned.Add(server);
                    redisUrl = server.Endpoint;
                }

                var connectionString = pgUrl.Contains("://", StringComparison.Ordinal) ? PostgresUrl.ToConnectionString(pgUrl) : pgUrl;
                await using var run = new BenchLiveRuns(console, connectionString, pgUrl, redisUrl, parse.GetValue(devices));
                await run.PrepareAsync(ct);
                await run.LatencyAsync(1, parse.GetValue(blocks), ct);
                await run.LatencyAsync(parse.GetValue(subscribers), parse.GetValue(blocks), ct);
                await run.ThroughputAsync(parse.GetValue(concurrency), TimeSpan.FromSeconds(parse.GetValue(seconds)), ct);
                return 0;
            }
            finally
            {
                for (var i = owned.Count - 1; i >= 0; i--)
                {
                    await owned[i].DisposeAsync();
                }

                dir.Delete(recursive: true);
            }
        });
        return cmd;
    }
}
