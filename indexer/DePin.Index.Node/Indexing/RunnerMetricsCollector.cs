using DePin.Index.Pipeline;

namespace DePin.Index.Node.Indexing;

/// <summary>
/// Copies the runners' counters into <see cref="NodeMetrics"/> (each tick adds what changed since the last one): blocks and
/// triggers processed, mapping and store-writing seconds, batches, retries, reverts, the deployment's head, lag behind the chain
/// head and failed flag, and each network's chain head. The counters are per runner since it was started; a restarted runner
/// starts again from zero, which the collector notices (a counter that went down) and treats as a new series.
/// </summary>
internal sealed class RunnerMetricsCollector(IndexingService indexing, NodeMetrics metrics)
{
    private readonly Dictionary<string, (DeploymentRunner Runner, RunnerStatus Status)> _last = new(StringComparer.Ordinal);

    public void Collect()
    {
        foreach (var network in indexing.Networks)
        {
            if (indexing.GetChainHead(network) is { } head)
            {
                metrics.SetChainHead(network, head);
            }
        }

        foreach (var id in indexing.Deployments)
        {
            if (indexing.GetRunner(id) is not { } runner)
            {
                continue;
            }

            var now = runner.Status;
            var before = _last.TryGetValue(id, out var last) && ReferenceEquals(last.Runner, runner) ? last.Status : null;
            _last[id] = (runner, now);
            metrics.AddRunnerProgress(id,
                blocks: now.BlocksProcessed - (before?.BlocksProcessed ?? 0),
                triggers: now.HandlersRun - (before?.HandlersRun ?? 0),
                mapping: now.Times.Mapping - (before?.Times.Mapping ?? TimeSpan.Zero),
                writing: now.Times.Writing - (before?.Times.Writing ?? TimeSpan.Zero),
                batches: now.BatchesCommitted - (before?.BatchesCommitted ?? 0),
                retries: now.Retries - (before?.Retries ?? 0),
                reverts: now.Reverts - (before?.Reverts ?? 0));
            if (now.CommittedBlock is { } committed)
            {
                var chainHead = indexing.GetChainHead(runner.Deployment.Network) ?? now.ChainHead ?? committed.Number;
                metrics.SetDeploymentHead(id, committed.Number, chainHead);
            }

            metrics.DeploymentFailed.WithLabels(id).Set(now.State == RunnerState.Failed ? 1 : 0);
        }
    }
}
