using System.Numerics;
using DePin.Index.Devnet;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Protocol.Internal;

namespace DePin.Index.Protocol.Tests;

/// <summary>Every custom error of every compiled protocol contract has a plain message built from its real argument names.</summary>
public sealed class RevertMessageTests
{
    public static TheoryData<string, string> Errors()
    {
        var data = new TheoryData<string, string>();
        var build = RepoPaths.Find().ContractsBuild;
        foreach (var name in ProtocolDeployment.Names)
        {
            foreach (var error in ContractArtifact.Load(build, name).Abi.Errors) data.Add(name, error.Signature);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Each_error_has_a_plain_message(string contract, string signature)
    {
        var error = ContractArtifact.Load(RepoPaths.Find().ContractsBuild, contract).Abi.GetError(signature);
        var args = error.Inputs.Select(p => (object?)(p.Type.CanonicalName switch
        {
            "address" => Address.Parse("0x00000000000000000000000000000000000000a1"),
            "bytes32" => Hash32.Of("deployment").ToArray(),
            _ => TokenAmount.Tokens(7) + 5,
        })).ToArray();
        var revert = error.Decode(error.Encode(args));
        var message = RevertMessages.Describe(revert);
        Assert.DoesNotContain("reverted:", message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.Contains(error.Name, typeof(ProtocolErrors).GetFields().Select(f => (string)f.GetValue(null)!));
    }

    [Fact]
    public void Messages_name_amounts_in_tokens_and_deployments_as_cids()
    {
        var stake = ErrorAbi.Parse("InsufficientStake(uint256 required, uint256 available)");
        Assert.Equal("insufficient stake: 100000 DPI required, 5000 available",
            RevertMessages.Describe(stake.Decode(stake.Encode(TokenAmount.Tokens(100_000), TokenAmount.Tokens(5000)))));
        var missing = ErrorAbi.Parse("DeploymentNotFound(bytes32 deploymentId)");
        var id = DeploymentId.Parse("QmTXzATwNfgGVukV1fX2T6xw9f6LAYRVWpsdXyRWzUR2H9");
        Assert.Equal($"deployment {id.ToCid()} is not published", RevertMessages.Describe(missing.Decode(missing.Encode(id.ToArray()))));
        var panic = ErrorAbi.Panic;
        Assert.StartsWith("reverted: Panic(0x11", RevertMessages.Describe(panic.Decode(panic.Encode(new BigInteger(0x11)))), StringComparison.Ordinal);
    }
}
