using System.Numerics;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;
using E = DePin.Index.Protocol.ProtocolErrors;

namespace DePin.Index.Protocol.Internal;

/// <summary>Plain-language messages for the protocol's custom errors (amounts in DPI, deployment ids as CIDs).</summary>
internal static class RevertMessages
{
    public static string Describe(DecodedRevert r)
    {
        if (r.Kind != RevertKind.Custom) return r.Kind == RevertKind.Error ? $"reverted: {r.Message}" : $"reverted: {r}";
        string T(string n) => TokenAmount.Format((BigInteger)r[n]);
        string N(string n) => ((BigInteger)r[n]).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string A(string n) => ((Address)r[n]).ToChecksumString();
        string D(string n) => DeploymentId.FromBytes((byte[])r[n]).ToCid();
        return r.Name switch
        {
            E.ZeroAddress => "the zero address is not allowed",
            E.NotGovernor => $"{A("caller")} is not the token's governor",
            E.NotMinter => $"{A("caller")} is not a minter",
            E.InsufficientBalance => $"insufficient balance: {A("account")} holds {T("balance")} DPI, {T("needed")} DPI needed",
            E.InsufficientAllowance => $"insufficient allowance: {A("owner")} allows {A("spender")} {T("allowance")} DPI, {T("needed")} DPI needed",
            E.ZeroEpochLength => "the epoch length must be at least one block",
            E.ZeroDeploymentId => "the deployment id is zero",
            E.MetadataTooLong => $"metadata too long: {N("length")} bytes, at most {N("maximum")}",
            E.AlreadyPublished => $"deployment {D("deploymentId")} is already published (by {A("publisher")})",
            E.DeploymentNotFound => $"deployment {D("deploymentId")} is not published",
            E.NotPublisher => $"{A("caller")} did not publish deployment {D("deploymentId")} ({A("publisher")} did)",
            E.DeploymentIsDeprecated => $"deployment {D("deploymentId")} is deprecated",
            E.InvalidPercentage => $"invalid percentage: {N("ppm")} PPM is above 1000000 (100%)",
            E.ZeroAmount => "the amount must be greater than zero",
            E.SlippageExceeded => $"slippage: the operation would give {T("actual")}, less than the {T("minimum")} required",
            E.StillThawing => $"still thawing until block {N("untilBlock")} (now block {N("currentBlock")})",
            E.NothingThawing => "nothing is thawing: unstake (or thaw) first",
            E.NotAnIndexer => $"{A("indexer")} is not an indexer (no own stake)",
            E.BelowMinimumDeposit => $"deposit too small: {T("tokens")} DPI, the minimum is {T("minimum")} DPI",
            E.ZeroSignal => "the deposit buys no signal at the current price",
            E.InsufficientSignal => $"insufficient signal: {T("required")} requested, {T("available")} held",
            E.NotCurated => $"deployment {D("deploymentId")} has no curation signal",
            E.InsufficientStake => $"insufficient stake: {T("required")} DPI required, {T("available")} available",
            E.BelowMinimumStake => $"the stake left ({T("remaining")} DPI) would be below the minimum of {T("minimum")} DPI: unstake everything or less",
            E.StakeAllocated => $"stake is allocated: {T("allocated")} DPI allocated, only {T("capacityAfter")} DPI of capacity would remain; close allocations first",
            E.BelowMinimumDelegation => $"delegation too small: {T("tokens")} DPI, the minimum is {T("minimum")} DPI",
            E.ZeroShares => "the delegation buys no shares at the current price",
            E.InsufficientShares => $"insufficient shares: {T("required")} requested, {T("available")} held",
            E.NothingToWithdraw => "nothing to withdraw: undelegate first",
            E.DelegationLocked => $"still unbonding until epoch {N("untilEpoch")} (now epoch {N("currentEpoch")})",
            E.CapacityExceeded => $"capacity exceeded: {T("requested")} DPI requested, {T("available")} DPI available",
            E.AllocationNotFound => $"allocation {N("allocationId")} does not exist",
            E.NotAllocationIndexer => $"allocation {N("allocationId")} belongs to {A("indexer")}, not {A("caller")}",
            E.AllocationAlreadyClosed => $"allocation {N("allocationId")} is already closed (epoch {N("closedAtEpoch")})",
            E.ZeroPoi => "the proof of indexing must not be zero",
            E.AllocationTooYoung => $"allocation too young: opened in epoch {N("createdAtEpoch")}, closable from epoch {(BigInteger)r["createdAtEpoch"] + 1} (now epoch {N("currentEpoch")})",
            E.NoDelegators => $"{A("indexer")} has no delegators",
            E.InsufficientEscrow => $"insufficient escrow: {T("required")} DPI required, {T("available")} DPI available",
            E.NotVoucherIndexer => $"the voucher is for indexer {A("indexer")}, not {A("caller")}",
            E.InvalidSignature => "invalid voucher signature (65 bytes r‖s‖v, v 27 or 28, low s)",
            E.SignerNotPayer => $"the voucher was signed by {A("signer")}, not by its payer {A("payer")}",
            E.NothingToCollect => $"nothing to collect: the voucher's aggregate {T("valueAggregate")} DPI is not above the {T("collected")} DPI already collected (replayed or stale voucher)",
            _ => $"reverted: {r}",
        };
    }
}
