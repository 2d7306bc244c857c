using System.Diagnostics;
using DePin.Index.Pipeline.Tests.Fixtures;
using Xunit.Abstractions;

namespace DePin.Index.Pipeline.Tests.Pipeline;

/// <summary>
/// Crash safety: an indexer stopped at random moments during backfill — by cancellation inside the process (a store transaction
/// in flight is rolled back), or by SIGKILL of a child process (nothing runs after the signal) — and restarted from its
/// committed cursor ends with exactly the tables, POIs and cursor of an uninterrupted run: nothing lost, nothing applied twice.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class KillAndResumeTests(PostgresFixture postgres, SimulatedChain chain, ITestOutputHelper output) : IClassFixture<SimulatedChain>
{
    [Fact]
    public async Task Cancelling_at_random_points_and_resuming_equals_an_uninterrupted_run()
    {
        var deployment = chain.Chain.Deployment();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var expected = await ReferenceDumpAsync(deployment);
        var uninterrupted = clock.Elapsed;
        var db = await postgres.CreateDatabaseAsync();
        var random = new Random(4242);
        var stoppedMidway = 0;
        for (var round = 0; round < 30; round++)
        {
            // Even rounds stop right after a random commit (the writer may have the next batch in flight), odd ones after a
            // random time (which may fall while loading, mapping or writing).
            var stopAfterCommits = round % 2 == 0 ? random.Next(1, 5) : int.MaxValue;
            var delay = round % 2 == 0 ? TimeSpan.FromMinutes(5) : uninterrupted * random.NextDouble() / 6;
            RunningIndexer? current = null;
            var commits = 0;
            var options = RunningIndexer.Options(stopBlock: chain.Head, reorgThreshold: 20) with
            {
                MaxBlocksPerBatch = 5,
                OnCommitted = _ =>
                {
                    if (Interlocked.Increment(ref commits) == stopAfterCommits)
                    {
                        current?.RequestStop();
                    }
                },
            };
            await using var indexer = await RunningIndexer.StartAsync(db, deployment, TestChain.Reader(chain.Chain.RpcUrl), options);
            current = indexer;
            await Task.WhenAny(indexer.Task, Task.Delay(delay));
            var state = await indexer.StopAsync();
            var committed = indexer.Runner.Status.CommittedBlock?.Number;
            output.WriteLine($"round {round}: stop after {(round % 2 == 0 ? $"commit {stopAfterCommits}" : $"{delay.TotalMilliseconds:0} ms")}: {state} at #{committed}");
            if (state == RunnerState.Completed)
            {
                break;
            }

            Assert.Equal(RunnerState.Stopped, state);
            if (committed is > 0 && committed < chain.Head)
            {
                stoppedMidway++;
            }
        }

        await using (var last = await RunningIndexer.StartAsync(db, deployment, TestChain.Reader(chain.Chain.RpcUrl),
                         RunningIndexer.Options(stopBlock: chain.Head, reorgThreshold: 20)))
        {
            Assert.Equal(RunnerState.Completed, await last.Task);
        }

        Assert.True(stoppedMidway >= 3, $"only {stoppedMidway} stops fell in the middle of the backfill");
        Assert.Equal(expected, await StoreDump.DumpAsync(db, deployment.Id));
    }

    [Fact]
    public async Task Killing_the_indexer_process_with_SIGKILL_and_restarting_equals_an_uninterrupted_run()
    {
        var deployment = chain.Chain.Deployment();
        var expected = await ReferenceDumpAsync(deployment);
        var db = await postgres.CreateDatabaseAsync();
        var manifest = Path.GetTempFileName();
        await File.WriteAllTextAsync(manifest, deployment.ManifestText);
        var random = new Random(77);
        var kills = 0;
        try
        {
            for (var round = 0; round < 12; round++)
            {
                var killAfter = round < 8 ? random.Next(1, 6) : int.MaxValue;
                var (exit, commits, lines) = await RunChildAsync(db, manifest, killAfter);
                output.WriteLine($"round {round}: {(exit is null ? $"SIGKILL after {commits} commits" : $"exit {exit}")}; last: {lines.LastOrDefault()}");
                if (exit is null)
                {
                    kills++;
                    continue;
                }

                Assert.True(exit == 0, string.Join("\n", lines.TakeLast(20)));
                break;
            }
        }
        finally
        {
            File.Delete(manifest);
        }

        Assert.True(kills >= 3, $"only {kills} kills happened before the end");
        Assert.Equal(expected, await StoreDump.DumpAsync(db, deployment.Id));
    }

    /// <summary>Runs <c>Program.Main index …</c> in a child process; kills it with SIGKILL after <paramref name="killAfter"/> commits.</summary>
    private async Task<(int? Exit, int Commits, List<string> Lines)> RunChildAsync(string db, string manifest, int killAfter)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
                 {
                     "exec", typeof(KillAndResumeTests).Assembly.Location, "index", db, chain.Chain.RpcUrl.ToString(), manifest, SubgraphBuild.DepinBuild,
                     chain.Head.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        var commits = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Add(line);
            if (line.StartsWith("committed ", StringComparison.Ordinal) && ++commits >= killAfter)
            {
                process.Kill(); // SIGKILL: the process gets no chance to finish anything
                await process.WaitForExitAsync(timeout.Token);
                return (null, commits, lines);
            }
        }

        await process.WaitForExitAsync(timeout.Token);
        lines.Add(await errors);
        return (process.ExitCode, commits, lines);
    }

    private async Task<string> ReferenceDumpAsync(DeploymentDescriptor deployment)
    {
        var db = await postgres.CreateDatabaseAsync();
        await using var indexer = await RunningIndexer.StartAsync(db, deployment, TestChain.Reader(chain.Chain.RpcUrl),
            RunningIndexer.Options(stopBlock: chain.Head));
        Assert.Equal(RunnerState.Completed, await indexer.Task);
        return await StoreDump.DumpAsync(db, deployment.Id);
    }
}
