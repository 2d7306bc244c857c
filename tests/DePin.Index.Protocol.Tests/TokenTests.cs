using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Protocol.Tests.Support;

namespace DePin.Index.Protocol.Tests;

public sealed class TokenTests(ProtocolChainFixture chain) : ProtocolTestBase(chain), IClassFixture<ProtocolChainFixture>
{
    [Fact]
    public async Task Metadata_and_the_deployer_as_governor_and_minter()
    {
        Assert.Equal(Chain.Deployer.Address, await P.Token.GovernorAsync());
        Assert.True(await P.Token.IsMinterAsync(Chain.Deployer.Address));
        Assert.False(await P.Token.IsMinterAsync(Other.Address));
        var supply = await P.Token.TotalSupplyAsync();
        Assert.Equal(ProtocolChainFixture.ActorTokens * Chain.Actors.Count, supply);
        Assert.Equal(supply, await P.Token.TotalMintedAsync());
        Assert.Equal(BigInteger.Zero, await P.Token.TotalBurnedAsync());
    }

    [Fact]
    public async Task Transfer_approve_transferFrom_and_events()
    {
        var r = await P.Token.TransferAsync(Other, Curator1.Address, Dpi(5));
        var t = r.Event("Transfer");
        Assert.Equal(Other.Address, t.Get<Address>("from"));
        Assert.Equal(Dpi(5), t.Get<BigInteger>("value"));
        Assert.Equal(ProtocolChainFixture.ActorTokens + Dpi(5), await BalanceAsync(Curator1));

        var a = await P.Token.ApproveAsync(Other, Payer1.Address, Dpi(3));
        Assert.Equal(Dpi(3), a.Event("Approval").Get<BigInteger>("value"));
        await P.Token.TransferFromAsync(Payer1, Other.Address, Payer2.Address, Dpi(2));
        Assert.Equal(Dpi(1), await P.Token.AllowanceAsync(Other.Address, Payer1.Address));
        Assert.Equal(ProtocolChainFixture.ActorTokens + Dpi(2), await BalanceAsync(Payer2));
    }

    [Fact]
    public async Task Max_allowance_is_never_decreased()
    {
        var max = (BigInteger.One << 256) - 1;
        await P.Token.ApproveAsync(Other, Payer1.Address, max);
        await P.Token.TransferFromAsync(Payer1, Other.Address, Payer1.Address, Dpi(7));
        Assert.Equal(max, await P.Token.AllowanceAsync(Other.Address, Payer1.Address));
    }

    [Fact]
    public async Task Burn_lowers_supply_and_counts_burned()
    {
        var supply = await P.Token.TotalSupplyAsync();
        var r = await P.Token.BurnAsync(Other, Dpi(4));
        Assert.Equal(Address.Zero, r.Event("Transfer").Get<Address>("to"));
        Assert.Equal(supply - Dpi(4), await P.Token.TotalSupplyAsync());
        Assert.Equal(Dpi(4), await P.Token.TotalBurnedAsync());
    }

    [Fact]
    public async Task Minters_are_added_and_removed_by_the_governor()
    {
        var added = await P.Token.AddMinterAsync(Chain.Deployer, Other.Address);
        Assert.Equal(Other.Address, added.Event("MinterAdded").Get<Address>("minter"));
        await P.Token.MintAsync(Other, Curator2.Address, Dpi(1));
        var removed = await P.Token.RemoveMinterAsync(Chain.Deployer, Other.Address);
        Assert.Equal(Other.Address, removed.Event("MinterRemoved").Get<Address>("minter"));
        var e = await RevertsAsync(ProtocolErrors.NotMinter, () => P.Token.MintAsync(Other, Curator2.Address, Dpi(1)));
        Assert.Equal(Other.Address, (Address)e["caller"]);
    }

    [Fact]
    public async Task Reverts_are_decoded()
    {
        await RevertsAsync(ProtocolErrors.NotGovernor, () => P.Token.AddMinterAsync(Other, Other.Address));
        await RevertsAsync(ProtocolErrors.NotGovernor, () => P.Token.RemoveMinterAsync(Other, Chain.Deployer.Address));
        await RevertsAsync(ProtocolErrors.ZeroAddress, () => P.Token.AddMinterAsync(Chain.Deployer, Address.Zero));
        await RevertsAsync(ProtocolErrors.ZeroAddress, () => P.Token.MintAsync(Chain.Deployer, Address.Zero, 1));
        await RevertsAsync(ProtocolErrors.ZeroAddress, () => P.Token.TransferAsync(Other, Address.Zero, 1));
        await RevertsAsync(ProtocolErrors.ZeroAddress, () => P.Token.ApproveAsync(Other, Address.Zero, 1));
        var e = await RevertsAsync(ProtocolErrors.InsufficientBalance, () => P.Token.TransferAsync(Other, Payer1.Address, ProtocolChainFixture.ActorTokens + 1));
        Assert.Equal($"insufficient balance: {Other.Address.ToChecksumString()} holds 10000000 DPI, 10000000.000000000000000001 DPI needed", e.Message);
        await RevertsAsync(ProtocolErrors.InsufficientBalance, () => P.Token.BurnAsync(Other, ProtocolChainFixture.ActorTokens + 1));
        var a = await RevertsAsync(ProtocolErrors.InsufficientAllowance, () => P.Token.TransferFromAsync(Payer1, Other.Address, Payer1.Address, 1));
        Assert.Equal(BigInteger.One, a.Amount("needed"));
    }
}
