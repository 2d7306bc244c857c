using DePin.Index.Cli.Commands.Protocol;
using DePin.Index.Protocol;
using Spectre.Console.Testing;

namespace DePin.Index.Cli.Tests.Protocol;

/// <summary>A test on the shared chain: snapshot before, revert after, a fresh client for setup steps.</summary>
public abstract class ChainTest(ProtocolCliChain chain) : IAsyncLifetime
{
    private string? _snapshot;

    protected ProtocolCliChain Chain { get; } = chain;

    protected ProtocolClient P { get; private set; } = null!;

    protected static DeploymentId Subgraph { get; } = ProtocolCliChain.Deployment("depin-cli-tests/subgraph");

    public async Task InitializeAsync()
    {
        _snapshot = await Chain.SnapshotAsync();
        P = await Chain.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        if (_snapshot is not null) await Chain.RevertAsync(_snapshot);
    }

    /// <summary>`depin ARGS --dir DEVNET` as <paramref name="actor"/> (DEPIN_PRIVATE_KEY).</summary>
    protected Task<CliRun.Result> Depin(string actor, params string[] args) => CliRun.RunAsync(Chain.As(actor), Chain.Args(args));

    protected Task<CliRun.Result> Depin(string actor, TestConsole console, params string[] args) => CliRun.RunAsync(Chain.As(actor), Chain.Args(args), console);

    protected Task<CliRun.Result> Depin(CliEnvironment env, params string[] args) => CliRun.RunAsync(env, Chain.Args(args));

    protected async Task PublishAsync() => await P.Registry.PublishAsync(Chain.Actors["indexer"], Subgraph, """{"name":"depin"}""");

    protected async Task StakeAsync(long tokens) => await P.Staking.StakeAsync(Chain.Actors["indexer"], TokenAmount.Tokens(tokens));
}
