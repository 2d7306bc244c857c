namespace DePin.Index.Protocol;

/// <summary>The protocol contracts' custom error names (docs/protocol-spec.md), for <see cref="ProtocolRevertException.ErrorName"/>.</summary>
public static class ProtocolErrors
{
    // ProtocolToken
    public const string ZeroAddress = nameof(ZeroAddress);
    public const string NotGovernor = nameof(NotGovernor);
    public const string NotMinter = nameof(NotMinter);
    public const string InsufficientBalance = nameof(InsufficientBalance);
    public const string InsufficientAllowance = nameof(InsufficientAllowance);

    // EpochManager
    public const string ZeroEpochLength = nameof(ZeroEpochLength);

    // SubgraphRegistry
    public const string ZeroDeploymentId = nameof(ZeroDeploymentId);
    public const string MetadataTooLong = nameof(MetadataTooLong);
    public const string AlreadyPublished = nameof(AlreadyPublished);
    public const string DeploymentNotFound = nameof(DeploymentNotFound);
    public const string NotPublisher = nameof(NotPublisher);
    public const string DeploymentIsDeprecated = nameof(DeploymentIsDeprecated);

    // shared
    public const string InvalidPercentage = nameof(InvalidPercentage);
    public const string ZeroAmount = nameof(ZeroAmount);
    public const string SlippageExceeded = nameof(SlippageExceeded);
    public const string StillThawing = nameof(StillThawing);
    public const string NothingThawing = nameof(NothingThawing);
    public const string NotAnIndexer = nameof(NotAnIndexer);

    // Curation
    public const string BelowMinimumDeposit = nameof(BelowMinimumDeposit);
    public const string ZeroSignal = nameof(ZeroSignal);
    public const string InsufficientSignal = nameof(InsufficientSignal);
    public const string NotCurated = nameof(NotCurated);

    // Staking
    public const string InsufficientStake = nameof(InsufficientStake);
    public const string BelowMinimumStake = nameof(BelowMinimumStake);
    public const string StakeAllocated = nameof(StakeAllocated);
    public const string BelowMinimumDelegation = nameof(BelowMinimumDelegation);
    public const string ZeroShares = nameof(ZeroShares);
    public const string InsufficientShares = nameof(InsufficientShares);
    public const string NothingToWithdraw = nameof(NothingToWithdraw);
    public const string DelegationLocked = nameof(DelegationLocked);
    public const string CapacityExceeded = nameof(CapacityExceeded);
    public const string AllocationNotFound = nameof(AllocationNotFound);
    public const string NotAllocationIndexer = nameof(NotAllocationIndexer);
    public const string AllocationAlreadyClosed = nameof(AllocationAlreadyClosed);
    public const string ZeroPoi = nameof(ZeroPoi);
    public const string AllocationTooYoung = nameof(AllocationTooYoung);
    public const string NoDelegators = nameof(NoDelegators);

    // FeeSettlement
    public const string InsufficientEscrow = nameof(InsufficientEscrow);
    public const string NotVoucherIndexer = nameof(NotVoucherIndexer);
    public const string InvalidSignature = nameof(InvalidSignature);
    public const string SignerNotPayer = nameof(SignerNotPayer);
    public const string NothingToCollect = nameof(NothingToCollect);
}
