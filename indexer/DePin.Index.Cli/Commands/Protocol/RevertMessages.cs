using System.Globalization;
using System.Numerics;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>The contracts' custom errors in plain words (amounts in DPI, blocks and epochs as numbers).</summary>
public static class RevertMessages
{
    /// <summary>A plain message for revert data; unknown data is shown as decoded (or as hex).</summary>
    public static string Explain(ReadOnlySpan<byte> revertData)
    {
        DecodedRevert decoded;
        try
        {
            decoded = ProtocolAbi.AllErrors.DecodeRevert(revertData);
        }
        catch (AbiException)
        {
            return $"reverted with undecodable data {Hex.Encode(revertData)}";
        }
        return Explain(decoded);
    }

    public static string Explain(DecodedRevert revert)
    {
        ArgumentNullException.ThrowIfNull(revert);
        var v = revert.Values;
        string Amount(int i) => Dpi.Display((BigInteger)v[i]);
        string Number(int i) => ((BigInteger)v[i]).ToString(CultureInfo.InvariantCulture);
        string Id(int i) => new DeploymentId(new Hash32((byte[])v[i])).ToString();
        return revert.Kind switch
        {
            RevertKind.Empty => "the transaction reverted without a reason",
            RevertKind.Error => $"reverted: {revert.Message}",
            RevertKind.Unknown => $"reverted with unknown data {Hex.Encode(revert.Data.Span)}",
            _ => revert.Name switch
            {
                "InsufficientBalance" => $"insufficient token balance: {v[0]} holds {Amount(1)}, needs {Amount(2)}",
                "InsufficientAllowance" => $"insufficient allowance: {Amount(2)} approved, {Amount(3)} needed",
                "NotMinter" => $"{v[0]} may not mint tokens (not a minter)",
                "NotGovernor" => $"{v[0]} is not the token's governor",
                "ZeroAddress" => "the zero address is not allowed",
                "ZeroDeploymentId" => "the deployment id is zero",
                "MetadataTooLong" => $"metadata too long: {Number(0)} bytes, at most {Number(1)}",
                "AlreadyPublished" => $"deployment {Id(0)} is already published (by {v[1]})",
                "DeploymentNotFound" => $"deployment {Id(0)} is not published (see `depin subgraph publish`)",
                "NotPublisher" => $"only the publisher {v[2]} may change deployment {Id(0)}",
                "DeploymentIsDeprecated" => $"deployment {Id(0)} is deprecated",
                "InvalidPercentage" => $"invalid percentage: {Number(0)} PPM is above 1,000,000 (100%)",
                "ZeroAmount" => "the amount must be greater than zero",
                "BelowMinimumDeposit" => $"below the minimum curation deposit: {Amount(1)} given, at least {Amount(0)}",
                "ZeroSignal" => "the deposit is too small to mint any signal",
                "SlippageExceeded" => $"slippage exceeded: {Number(1)} received, at least {Number(0)} expected (the price moved)",
                "InsufficientSignal" => $"insufficient signal: {Number(0)} shares requested, {Number(1)} held",
                "NotCurated" => $"deployment {Id(0)} has no signal",
                "InsufficientStake" => $"insufficient stake: {Amount(0)} required, {Amount(1)} available",
                "BelowMinimumStake" => $"below the minimum stake: {Amount(1)} would remain, the minimum is {Amount(0)} (or unstake everything)",
                "StakeAllocated" => $"stake is allocated: {Amount(0)} allocated, only {Amount(1)} of capacity would remain (close allocations first)",
                "NothingThawing" => "nothing is thawing (unstake first)",
                "StillThawing" => $"still thawing: withdrawable from block {Number(0)} (now {Number(1)})",
                "NotAnIndexer" => $"{v[0]} is not an indexer (no own stake)",
                "BelowMinimumDelegation" => $"below the minimum delegation: {Amount(1)} given, at least {Amount(0)}",
                "ZeroShares" => "the amount is too small to mint any delegation shares",
                "InsufficientShares" => $"insufficient shares: {Number(0)} requested, {Number(1)} held",
                "NothingToWithdraw" => "nothing to withdraw (undelegate first)",
                "DelegationLocked" => $"still unbonding: withdrawable from epoch {Number(0)} (now epoch {Number(1)})",
                "CapacityExceeded" => $"capacity exceeded: {Amount(0)} requested, {Amount(1)} available",
                "AllocationNotFound" => $"allocation {Number(0)} does not exist",
                "NotAllocationIndexer" => $"allocation {Number(0)} belongs to {v[2]}, not {v[1]}",
                "AllocationAlreadyClosed" => $"allocation {Number(0)} is already closed (epoch {Number(1)})",
                "ZeroPoi" => "the proof of indexing must not be zero",
                "AllocationTooYoung" => $"the allocation is too young: opened in epoch {Number(0)}, closable from epoch {(BigInteger)v[0] + 1} (now epoch {Number(1)})",
                "NoDelegators" => $"{v[0]} has no delegators",
                "InsufficientEscrow" => $"insufficient escrow: {Amount(0)} required, {Amount(1)} deposited",
                "NotVoucherIndexer" => $"the voucher is for indexer {v[1]}; {v[0]} may not redeem it",
                "InvalidSignature" => "the voucher's signature is malformed",
                "SignerNotPayer" => $"the voucher was signed by {v[0]}, not by the payer {v[1]}",
                "NothingToCollect" => $"nothing to collect: {Amount(0)} already collected of an aggregate of {Amount(1)} (voucher already redeemed?)",
                _ => revert.ToString(),
            },
        };
    }
}
