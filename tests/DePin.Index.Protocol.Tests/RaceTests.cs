using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Protocol.Tests.Support;

namespace DePin.Index.Protocol.Tests;

/// <summary>A transaction that passed its estimate but reverts in its block (the state changed in between) is still decoded.</summary>
public sealed class RaceTests(ProtocolChainFixture chain) : ProtocolTestBase(chain), IClassFixture<ProtocolChainFixture>
{
    [Fact]
    public async Task A_revert_at_mining_time_is_decoded_into_the_custom_error()
    {
        await P.Staking.StakeAsync(Indexer1, MinStake);
        var id = await PublishAsync();
        await P.Fees.DepositAsync(Payer1, Dpi(100));
        var voucher = P.Fees.Sign(Payer1, new Voucher(Payer1.Address, Indexer1.Address, id, 1, Dpi(100)));

        await Chain.Rpc.SetAutomineAsync(false);
        try
        {
            var nonce = await Chain.Rpc.GetTransactionCountAsync(Indexer1.Address, BlockParameter.Pending);
            var late = P.Fees.RedeemAsync(Indexer1, voucher); // estimated while the escrow holds 100
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await Chain.Rpc.GetTransactionCountAsync(Indexer1.Address, BlockParameter.Pending) <= nonce)
            {
                if (late.IsFaulted) await late;
                Assert.True(DateTime.UtcNow < deadline, "the redemption never reached the pool");
                await Task.Delay(20);
            }
            // The escrow empties before the block is mined: FeeSettlement's slot 0 is `escrows`, balance first.
            var slot = Hash32.Of([.. new byte[12], .. Payer1.Address.ToArray(), .. new byte[32]]);
            await Chain.Rpc.Client.CallAsync("anvil_setStorageAt", [P.Fees.Address.ToString(), slot.ToHex(), Hash32.Zero.ToHex()]);
            Assert.Equal(0, (await P.GetEscrowAsync(Payer1.Address)).Balance);
            await Chain.Rpc.EvmMineAsync();

            var e = await Assert.ThrowsAsync<ProtocolRevertException>(() => late);
            Assert.Equal(ProtocolErrors.InsufficientEscrow, e.ErrorName);
            Assert.Equal("insufficient escrow: 100 DPI required, 0 DPI available", e.Message);
        }
        finally
        {
            await Chain.Rpc.SetAutomineAsync(true);
        }
    }
}
