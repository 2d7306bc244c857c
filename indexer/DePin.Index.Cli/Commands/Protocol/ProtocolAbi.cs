using DePin.Index.Ethereum.Abi;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>
/// The parts of the protocol contracts the commands call (docs/protocol-spec.md), declared here so the command line
/// needs no build output at run time, and every custom error of every contract for decoding reverts.
/// </summary>
internal static class ProtocolAbi
{
    public static readonly ContractAbi Token = Abi(
        ["approve(address spender, uint256 amount) returns (bool)", "balanceOf(address) view returns (uint256)",
         "allowance(address owner, address spender) view returns (uint256)", "mint(address to, uint256 amount)",
         "totalSupply() view returns (uint256)", "totalBurned() view returns (uint256)"]);

    public static readonly ContractAbi Epochs = Abi(["currentEpoch() view returns (uint256)", "epochLength() view returns (uint256)"]);

    public static readonly ContractAbi Registry = Abi(
        ["publish(bytes32 deploymentId, string metadata)", "isPublished(bytes32) view returns (bool)",
         "deployments(bytes32) view returns (address publisher, uint64 publishedAtBlock, bool deprecated, string metadata)"]);

    public static readonly ContractAbi Curation = Abi(
        ["signal(bytes32 deploymentId, uint256 tokens, uint256 minSignal) returns (uint256)",
         "unsignal(bytes32 deploymentId, uint256 signal, uint256 minTokens) returns (uint256)",
         "pools(bytes32) view returns (uint256 tokens, uint256 signal)",
         "signalOf(bytes32 deploymentId, address curator) view returns (uint256)",
         "tokensToSignal(bytes32 deploymentId, uint256 tokens) view returns (uint256 signal, uint256 tax)",
         "signalToTokens(bytes32 deploymentId, uint256 signal) view returns (uint256)",
         "curationTaxPercentage() view returns (uint256)"]);

    public static readonly ContractAbi Staking = Abi(
        ["stake(uint256 tokens)", "unstake(uint256 tokens)", "withdraw() returns (uint256)", "setQueryFeeCut(uint32 cut)",
         "delegate(address indexer, uint256 tokens, uint256 minShares) returns (uint256)",
         "undelegate(address indexer, uint256 shares) returns (uint256)", "withdrawDelegated(address indexer) returns (uint256)",
         "allocate(bytes32 deploymentId, uint256 tokens) returns (uint256)", "closeAllocation(uint256 allocationId, bytes32 poi)",
         "indexers(address) view returns (uint256 staked, uint256 thawing, uint256 thawingUntilBlock, uint256 allocated, uint32 queryFeeCut, uint32 pendingQueryFeeCut, uint64 cutEffectiveBlock)",
         "delegationPools(address) view returns (uint256 tokens, uint256 shares)",
         "delegations(address indexer, address delegator) view returns (uint256 shares, uint256 lockedTokens, uint256 lockedUntilEpoch)",
         "allocations(uint256) view returns (address indexer, bytes32 deploymentId, uint256 tokens, uint256 createdAtEpoch, uint256 closedAtEpoch, bytes32 poi, bool open)",
         "allocationCount() view returns (uint256)", "ownStake(address) view returns (uint256)",
         "delegatedCapacity(address) view returns (uint256)", "availableStake(address) view returns (uint256)",
         "queryFeeCut(address) view returns (uint32)", "sharesToTokens(address indexer, uint256 shares) view returns (uint256)",
         "delegationTaxPercentage() view returns (uint256)"]);

    public static readonly ContractAbi Fees = Abi(
        ["deposit(uint256 tokens)",
         "redeem(address payer, address indexer, bytes32 deploymentId, uint64 timestampNs, uint128 valueAggregate, bytes signature) returns (uint256)",
         "escrows(address) view returns (uint256 balance, uint256 thawing, uint256 thawEndBlock)",
         "collected(address payer, address indexer, bytes32 deploymentId) view returns (uint256)",
         "split(address indexer, bytes32 deploymentId, uint256 amount) view returns ((uint256 amount, uint256 protocolTax, uint256 curationFees, uint256 indexerFees, uint256 delegatorFees, uint32 queryFeeCut))",
         "voucherDigest(address payer, address indexer, bytes32 deploymentId, uint64 timestampNs, uint128 valueAggregate) view returns (bytes32)"]);

    /// <summary>Every custom error of the six contracts (a name shared by several contracts has one signature).</summary>
    public static readonly IReadOnlyList<ErrorAbi> Errors =
    [
        .. new[]
        {
            "ZeroAddress()", "NotGovernor(address caller)", "NotMinter(address caller)",
            "InsufficientBalance(address account, uint256 balance, uint256 needed)",
            "InsufficientAllowance(address owner, address spender, uint256 allowance, uint256 needed)",
            "ZeroEpochLength()", "ZeroDeploymentId()", "MetadataTooLong(uint256 length, uint256 maximum)",
            "AlreadyPublished(bytes32 deploymentId, address publisher)", "DeploymentNotFound(bytes32 deploymentId)",
            "NotPublisher(bytes32 deploymentId, address caller, address publisher)", "DeploymentIsDeprecated(bytes32 deploymentId)",
            "InvalidPercentage(uint256 ppm)", "ZeroAmount()", "BelowMinimumDeposit(uint256 minimum, uint256 tokens)", "ZeroSignal()",
            "SlippageExceeded(uint256 minimum, uint256 actual)", "InsufficientSignal(uint256 required, uint256 available)",
            "NotCurated(bytes32 deploymentId)", "InsufficientStake(uint256 required, uint256 available)",
            "BelowMinimumStake(uint256 minimum, uint256 remaining)", "StakeAllocated(uint256 allocated, uint256 capacityAfter)",
            "NothingThawing()", "StillThawing(uint256 untilBlock, uint256 currentBlock)", "NotAnIndexer(address indexer)",
            "BelowMinimumDelegation(uint256 minimum, uint256 tokens)", "ZeroShares()",
            "InsufficientShares(uint256 required, uint256 available)", "NothingToWithdraw()",
            "DelegationLocked(uint256 untilEpoch, uint256 currentEpoch)", "CapacityExceeded(uint256 requested, uint256 available)",
            "AllocationNotFound(uint256 allocationId)", "NotAllocationIndexer(uint256 allocationId, address caller, address indexer)",
            "AllocationAlreadyClosed(uint256 allocationId, uint256 closedAtEpoch)", "ZeroPoi()",
            "AllocationTooYoung(uint256 createdAtEpoch, uint256 currentEpoch)", "NoDelegators(address indexer)",
            "InsufficientEscrow(uint256 required, uint256 available)", "NotVoucherIndexer(address caller, address indexer)",
            "InvalidSignature()", "SignerNotPayer(address signer, address payer)",
            "NothingToCollect(uint256 collected, uint256 valueAggregate)",
        }.Select(ErrorAbi.Parse),
    ];

    /// <summary>All errors in one ABI, for <see cref="ContractAbi.DecodeRevert"/>.</summary>
    public static readonly ContractAbi AllErrors = new([], [], Errors);

    private static ContractAbi Abi(string[] functions) => new(functions.Select(FunctionAbi.Parse), [], Errors);
}
