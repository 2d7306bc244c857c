using System.Numerics;
using System.Text.Json;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Rpc;

public sealed partial class EthRpc
{
    private static readonly RpcResultParser<bool> Ignore = static (ref Utf8JsonReader r) =>
    {
        r.Skip();
        return true;
    };

    /// <summary>evm_snapshot (anvil, hardhat): saves the chain state; returns the snapshot id for <see cref="EvmRevertAsync"/>.</summary>
    public Task<string> EvmSnapshotAsync(CancellationToken cancellationToken = default) =>
        Client.CallAsync("evm_snapshot", [], RpcJson.ReadString, cancellationToken);

    /// <summary>evm_revert: returns the chain to a snapshot; false when the node does not know the id.</summary>
    public Task<bool> EvmRevertAsync(string snapshotId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshotId);
        return Client.CallAsync("evm_revert", [snapshotId], RpcJson.ReadBool, cancellationToken);
    }

    /// <summary>evm_mine: mines one block now.</summary>
    public Task EvmMineAsync(CancellationToken cancellationToken = default) =>
        Client.CallAsync("evm_mine", [], Ignore, cancellationToken);

    /// <summary>anvil_mine: mines <paramref name="blocks"/> blocks at once.</summary>
    public Task MineAsync(long blocks, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 1);
        return Client.CallAsync("anvil_mine", [HexQuantity.Format(blocks)], Ignore, cancellationToken);
    }

    /// <summary>evm_setAutomine: on = one block per transaction; off = transactions wait for a mine call.</summary>
    public Task SetAutomineAsync(bool enabled, CancellationToken cancellationToken = default) =>
        Client.CallAsync("evm_setAutomine", [enabled], Ignore, cancellationToken);

    /// <summary>anvil_setBalance: sets an account's balance in wei.</summary>
    public Task SetBalanceAsync(Address address, BigInteger wei, CancellationToken cancellationToken = default)
    {
        if (wei.Sign < 0) throw new ArgumentOutOfRangeException(nameof(wei), wei, "a balance is never negative");
        return Client.CallAsync("anvil_setBalance", [address, wei], Ignore, cancellationToken);
    }

    /// <summary>evm_increaseTime: moves the clock of the next blocks forward; returns the total offset in seconds.</summary>
    public Task<long> IncreaseTimeAsync(long seconds, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        return Client.CallAsync("evm_increaseTime", [seconds], static (ref Utf8JsonReader r) =>
            r.TokenType == JsonTokenType.Number ? r.GetInt64() : RpcJson.ReadLong(ref r), cancellationToken);
    }
}
