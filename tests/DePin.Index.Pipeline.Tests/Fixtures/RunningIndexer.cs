using DePin.Index.Chain;
using DePin.Index.Runtime;

namespace DePin.Index.Pipeline.Tests.Fixtures;

/// <summary>A <see cref="DeploymentRunner"/> running in the background against one database; disposing stops it.</summary>
internal sealed class RunningIndexer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    private RunningIndexer(PipelineStore store, DeploymentRunner runner, string connectionString)
    {
        Store = store;
        Runner = runner;
        ConnectionString = connectionString;
        Task = System.Threading.Tasks.Task.Run(() => runner.RunAsync(_stop.Token));
    }

    public PipelineStore Store { get; }

    public DeploymentRunner Runner { get; }

    public string ConnectionString { get; }

    public Task<RunnerState> Task { get; }

    /// <summary>Log lines of the runner (state changes, retries, failures, mapping logs at warning and above).</summary>
    public List<string> Log { get; } = [];

    public static async Task<RunningIndexer> StartAsync(string connectionString, DeploymentDescriptor deployment, IChainReader chain,
        DeploymentRunnerOptions? options = null)
    {
        var store = await PipelineStore.OpenAsync(connectionString);
        List<string>? log = null;
        var o = (options ?? Options()) with
        {
            Log = (level, message) =>
            {
                if (level >= MappingLogLevel.Warning || message.Contains("reverted", StringComparison.Ordinal))
                {
                    lock (log!)
                    {
                        log.Add($"{level}: {message}");
                    }
                }
            },
        };
        var runner = new DeploymentRunner(deployment, store, chain, o);
        var running = new RunningIndexer(store, runner, connectionString);
        log = running.Log;
        return running;
    }

    /// <summary>Options for tests: quick polling and retries.</summary>
    public static DeploymentRunnerOptions Options(long? stopBlock = null, int reorgThreshold = 250) => new()
    {
        StopBlock = stopBlock,
        RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        RetryMaxDelay = TimeSpan.FromSeconds(1),
        Stream = new BlockStreamOptions
        {
            ReorgThreshold = reorgThreshold,
            PollInterval = TimeSpan.FromMilliseconds(50),
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            RetryMaxDelay = TimeSpan.FromMilliseconds(500),
        },
    };

    /// <summary>Waits (at most <paramref name="timeout"/>) until <paramref name="block"/> is committed.</summary>
    public async Task WaitForBlockAsync(long block, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await Runner.WaitForBlockAsync(block, cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"block #{block} not committed in time; runner: {Runner.Status}; log:\n{string.Join("\n", Log.TakeLast(20))}");
        }
    }

    /// <summary>Asks the runner to stop, without waiting (e.g. from a commit callback).</summary>
    public void RequestStop() => _stop.Cancel();

    public async Task<RunnerState> StopAsync()
    {
        await _stop.CancelAsync();
        return await Task;
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
