using DePin.Index.Pipeline.Tests.Fixtures;
using Npgsql;
using Xunit.Abstractions;

namespace DePin.Index.Pipeline.Tests.Pipeline;

/// <summary>
/// Database trouble during backfill: the runner's PostgreSQL connections are terminated again and again (pg_terminate_backend,
/// what a failover or an administrator does), failing reads and batch writes midway. Each failure is non-deterministic: the
/// runner backs off, reloads from the committed cursor and goes on; the result equals an undisturbed run.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class DatabaseFaultTests(PostgresFixture postgres, SimulatedChain chain, ITestOutputHelper output) : IClassFixture<SimulatedChain>
{
    [Fact]
    public async Task Terminated_database_connections_are_retried_without_skipping_or_repeating_a_block()
    {
        var deployment = chain.Chain.Deployment();
        var db = await postgres.CreateDatabaseAsync();
        var options = RunningIndexer.Options(stopBlock: chain.Head, reorgThreshold: 20) with { MaxBlocksPerBatch = 3 };
        await using var indexer = await RunningIndexer.StartAsync(db, deployment, TestChain.Reader(chain.Chain.RpcUrl), options);
        var database = new NpgsqlConnectionStringBuilder(db).Database!;
        var terminated = 0;
        var rounds = 0;
        await using (var admin = new NpgsqlConnection(db))
        {
            await admin.OpenAsync();
            while (!indexer.Task.IsCompleted && rounds++ < 25)
            {
                await using var cmd = new NpgsqlCommand(
                    "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", admin);
                cmd.Parameters.AddWithValue(database);
                terminated += Convert.ToInt32(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
                await Task.Delay(Random.Shared.Next(150, 600));
            }
        }

        Assert.Equal(RunnerState.Completed, await indexer.Task.WaitAsync(TimeSpan.FromMinutes(5)));
        var status = indexer.Runner.Status;
        output.WriteLine($"{terminated} connections terminated in {rounds} rounds; {status}");
        Assert.True(status.Retries > 0, "the runner saw database failures");
        Assert.NotNull(status.LastError);

        var cleanDb = await postgres.CreateDatabaseAsync();
        await using var clean = await RunningIndexer.StartAsync(cleanDb, deployment, TestChain.Reader(chain.Chain.RpcUrl), RunningIndexer.Options(stopBlock: chain.Head));
        Assert.Equal(RunnerState.Completed, await clean.Task);
        Assert.Equal(await StoreDump.DumpAsync(cleanDb, deployment.Id), await StoreDump.DumpAsync(db, deployment.Id));
    }
}
