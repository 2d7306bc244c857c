using System.Numerics;
using System.Security.Cryptography;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Protocol.Tests.Support;

/// <summary>
/// Each test starts from the fixture's freshly deployed and funded chain: evm_snapshot before, evm_revert after,
/// and a new client (its nonce cache must not outlive the revert).
/// </summary>
public abstract class ProtocolTestBase(ProtocolChainFixture chain) : IAsyncLifetime
{
    private string? _snapshot;

    protected ProtocolChainFixture Chain { get; } = chain;
    protected ProtocolClient P { get; private set; } = null!;
    protected static ProtocolParameters Params => ProtocolChainFixture.Parameters;

    protected EthKey Indexer1 => Chain.Actors["indexer1"];
    protected EthKey Indexer2 => Chain.Actors["indexer2"];
    protected EthKey Delegator1 => Chain.Actors["delegator1"];
    protected EthKey Delegator2 => Chain.Actors["delegator2"];
    protected EthKey Curator1 => Chain.Actors["curator1"];
    protected EthKey Curator2 => Chain.Actors["curator2"];
    protected EthKey Payer1 => Chain.Actors["payer1"];
    protected EthKey Payer2 => Chain.Actors["payer2"];
    protected EthKey Other => Chain.Actors["other"];

    protected static BigInteger Dpi(decimal tokens) => TokenAmount.Parse(tokens.ToString(System.Globalization.CultureInfo.InvariantCulture));

    protected static BigInteger MinStake => Params.MinimumIndexerStake;

    public async Task InitializeAsync()
    {
        _snapshot = await Chain.Rpc.EvmSnapshotAsync();
        P = await Chain.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        if (_snapshot is not null) Assert.True(await Chain.Rpc.EvmRevertAsync(_snapshot));
    }

    /// <summary>A random deployment id published by <see cref="Other"/>.</summary>
    protected async Task<DeploymentId> PublishAsync(EthKey? publisher = null)
    {
        var id = new DeploymentId(new Hash32(RandomNumberGenerator.GetBytes(32)));
        await P.Registry.PublishAsync(publisher ?? Other, id, "{\"name\":\"test\"}");
        return id;
    }

    protected Task MineAsync(long blocks) => Chain.Rpc.MineAsync(blocks);

    protected async Task MineToNextEpochAsync()
    {
        var e = await P.GetEpochAsync();
        await MineAsync(e.BlocksUntilNextEpoch);
    }

    /// <summary>Runs a transaction that must revert with <paramref name="errorName"/>; returns the decoded error.</summary>
    protected static async Task<ProtocolRevertException> RevertsAsync(string errorName, Func<Task> action)
    {
        var e = await Assert.ThrowsAsync<ProtocolRevertException>(action);
        Assert.True(errorName == e.ErrorName, $"expected {errorName}, got {e.ErrorName}: {e.Message}");
        return e;
    }

    protected Task<BigInteger> BalanceAsync(EthKey key) => P.Token.BalanceOfAsync(key.Address);
}
