using System.Collections.Concurrent;
using System.Diagnostics;
using DePin.Index.Chain;

namespace DePin.Index.Pipeline;

/// <summary>
/// Measurements of the whole pipeline against a real chain node and PostgreSQL (block stream, WebAssembly mappings, entity cache,
/// POIs, batched store transactions). Figures are printed by the benchmark tests; nothing asserts them.
/// </summary>
public static class PipelineBenchmarks
{
    /// <summary>
    /// Backfills a deployment that is new in <paramref name="store"/> from its start block to <paramref name="stopBlock"/> and
    /// measures events handled per second, end to end (wall clock, including loading and compiling the mappings).
    /// </summary>
    /// <exception cref="InvalidOperationException">when the deployment exists already or the run does not complete.</exception>
    public static async Task<BackfillBenchmarkResult> BackfillEventsPerSecondAsync(DeploymentDescriptor deployment, PipelineStore store, IChainReader chain,
        long stopBlock, DeploymentRunnerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(store);
        if ((await store.Subgraphs.ListDeploymentsAsync(cancellationToken).ConfigureAwait(false)).Contains(deployment.Id, StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"deployment {deployment.Id} exists already: a backfill benchmark needs a new one");
        }

        var runner = new DeploymentRunner(deployment, store, chain, (options ?? new DeploymentRunnerOptions()) with { StopBlock = stopBlock });
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var state = await runner.RunAsync(cancellationToken).ConfigureAwait(false);
        clock.Stop();
        process.Refresh();
        var status = runner.Status;
        if (state != RunnerState.Completed)
        {
            throw new InvalidOperationException($"the backfill ended {state}: {status.FatalError?.Message ?? status.LastError}");
        }

        return new BackfillBenchmarkResult(status.BlocksProcessed, status.HandlersRun, status.ModificationsCommitted, status.BatchesCommitted,
            clock.Elapsed, process.TotalProcessorTime - cpu, status.Times);
    }

    /// <summary>
    /// Chain-head latency: runs the deployment until it is synced, then <paramref name="samples"/> times has
    /// <paramref name="produceBlockAsync"/> mine a block — it returns the block's number and the moment the node had mined it
    /// (<see cref="Stopwatch.GetTimestamp"/>, e.g. when the node answered the transaction that its automine mined) — and measures
    /// the time from then until the runner has committed that block.
    /// </summary>
    public static async Task<HeadLatencyResult> HeadLatencyAsync(DeploymentDescriptor deployment, PipelineStore store, IChainReader chain,
        Func<CancellationToken, Task<(long Block, long MinedAt)>> produceBlockAsync, int samples, DeploymentRunnerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(produceBlockAsync);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        var committed = new ConcurrentDictionary<long, long>();
        var o = options ?? new DeploymentRunnerOptions();
        var runner = new DeploymentRunner(deployment, store, chain, o with
        {
            OnCommitted = c =>
            {
                committed[c.Cursor.Number] = c.CommittedAt;
                o.OnCommitted?.Invoke(c);
            },
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = Task.Run(() => runner.RunAsync(stop.Token), CancellationToken.None);
        try
        {
            while (!runner.Status.Synced)
            {
                if (run.IsCompleted)
                {
                    throw new InvalidOperationException($"the runner ended {await run.ConfigureAwait(false)} before it was synced: {runner.Status.LastError}");
                }

                await Task.Delay(20, cancellationToken).ConfigureAwait(false);
            }

            var latencies = new List<TimeSpan>(samples);
            for (var i = 0; i < samples; i++)
            {
                var (block, mined) = await produceBlockAsync(cancellationToken).ConfigureAwait(false);
                await runner.WaitForBlockAsync(block, cancellationToken).ConfigureAwait(false);
                var at = committed.Where(c => c.Key >= block).Select(c => c.Value).DefaultIfEmpty(Stopwatch.GetTimestamp()).Min();
                latencies.Add(at > mined ? Stopwatch.GetElapsedTime(mined, at) : TimeSpan.Zero);
            }

            return new HeadLatencyResult(latencies);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await run.ConfigureAwait(false);
        }
    }
}
