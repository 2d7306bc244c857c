using DePin.Index.Chain;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Indexing;
using DePin.Index.Pipeline;
using DePin.Index.Runtime;

namespace DePin.Index.NetworkSubgraph.Tests.Fixtures;

/// <summary>
/// A <see cref="DeploymentRunner"/> indexing one deployment in the background against one database, with <c>ethereum.call</c>
/// served by the chain; disposing stops it.
/// </summary>
internal sealed class RunningIndexer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _log = [];

    private RunningIndexer(PipelineStore store, DeploymentRunner runner)
    {
        Store = store;
        Runner = runner;
        Task = System.Threading.Tasks.Task.Run(() => runner.RunAsync(_stop.Token));
    }

    public PipelineStore Store { get; }

    public DeploymentRunner Runner { get; }

    public Task<RunnerState> Task { get; }

    /// <param name="reorgThreshold">Blocks below the head considered final (deeper reorgs fail the deployment).</param>
    public static async Task<RunningIndexer> StartAsync(string connectionString, DeploymentDescriptor deployment, Uri rpcUrl, int reorgThreshold = 10)
    {
        var store = await PipelineStore.OpenAsync(connectionString);
        var rpc = new EthRpc(new JsonRpcClient(new JsonRpcClientOptions { Url = rpcUrl, Timeout = TimeSpan.FromMinutes(2) }));
        RunningIndexer? running = null;
        var options = new DeploymentRunnerOptions
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
            RetryMaxDelay = TimeSpan.FromSeconds(1),
            Ethereum = new EthRpcCallAdapter(rpc),
            Stream = new BlockStreamOptions
            {
                ReorgThreshold = reorgThreshold,
                PollInterval = TimeSpan.FromMilliseconds(50),
                RetryBaseDelay = TimeSpan.FromMilliseconds(20),
                RetryMaxDelay = TimeSpan.FromMilliseconds(500),
            },
            Log = (level, message) =>
            {
                if (level >= MappingLogLevel.Warning && running is not null)
                {
                    lock (running._log)
                    {
                        running._log.Add($"{level}: {message}");
                    }
                }
            },
        };
        var runner = new DeploymentRunner(deployment, store, new EthRpcChainReader(rpc), options);
        running = new RunningIndexer(store, runner);
        return running;
    }

    /// <summary>The last log lines at warning and above.</summary>
    public string RecentLog()
    {
        lock (_log)
        {
            return string.Join("\n", _log.TakeLast(20));
        }
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) until <paramref name="block"/> is committed.</summary>
    public async Task WaitForBlockAsync(long block, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await Runner.WaitForBlockAsync(block, cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"block #{block} not committed in time; runner: {Runner.Status}; log:\n{RecentLog()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!Task.IsCompleted)
        {
            await _stop.CancelAsync();
        }

        try
        {
            await Task;
        }
        finally
        {
            _stop.Dispose();
            await Store.DisposeAsync();
        }
    }
}
