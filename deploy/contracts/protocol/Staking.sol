// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IProtocolToken, IEpochManager, ISubgraphRegistry} from "./Interfaces.sol";

/// @title Staking
/// @notice Indexers' own stake (with a thawing period in blocks), delegation (shares of a per-indexer pool,
///         tax burned, unbonding in epochs), the indexer's query-fee cut (with a cooldown in blocks) and
///         allocations of stake to published deployments. Formulas in docs/protocol-spec.md.
contract Staking {
    uint256 public constant MAX_PPM = 1_000_000;

    struct Indexer {
        uint256 staked; // own tokens held here, thawing included
        uint256 thawing; // part of `staked` unstaked and waiting for `thawingUntilBlock`
        uint256 thawingUntilBlock;
        uint256 allocated; // sum of the open allocations' tokens
        uint32 queryFeeCut; // the indexer's share of query fees after tax and curation, PPM
        uint32 pendingQueryFeeCut;
        uint64 cutEffectiveBlock; // the pending cut applies from this block on
    }

    struct DelegationPool {
        uint256 tokens;
        uint256 shares;
    }

    struct Delegation {
        uint256 shares;
        uint256 lockedTokens; // undelegated, unbonding
        uint256 lockedUntilEpoch;
    }

    struct Allocation {
        address indexer;
        bytes32 deploymentId;
        uint256 tokens;
        uint256 createdAtEpoch;
        uint256 closedAtEpoch;
        bytes32 poi;
        bool open;
    }

    IProtocolToken public immutable token;
    IEpochManager public immutable epochManager;
    ISubgraphRegistry public immutable registry;
    uint256 public immutable minimumIndexerStake;
    uint256 public immutable thawingPeriod;
    uint256 public immutable delegationRatio;
    uint256 public immutable delegationTaxPercentage;
    uint256 public immutable delegationUnbondingPeriod;
    uint256 public immutable minimumDelegation;
    uint256 public immutable queryFeeCutCooldown;

    mapping(address => Indexer) public indexers;
    mapping(address => DelegationPool) public delegationPools;
    mapping(address => mapping(address => Delegation)) public delegations;
    mapping(uint256 => Allocation) public allocations;
    uint256 public allocationCount;

    event StakeDeposited(address indexed indexer, uint256 tokens, uint256 staked);
    event StakeLocked(address indexed indexer, uint256 tokens, uint256 thawing, uint256 untilBlock);
    event StakeWithdrawn(address indexed indexer, uint256 tokens, uint256 staked);
    event QueryFeeCutSet(address indexed indexer, uint32 queryFeeCut, uint256 effectiveBlock);
    event StakeDelegated(address indexed indexer, address indexed delegator, uint256 tokens, uint256 shares, uint256 tax);
    event StakeDelegatedLocked(address indexed indexer, address indexed delegator, uint256 tokens, uint256 shares, uint256 untilEpoch);
    event StakeDelegatedWithdrawn(address indexed indexer, address indexed delegator, uint256 tokens);
    event DelegationFeesAdded(address indexed indexer, address indexed from, uint256 tokens);
    event AllocationCreated(address indexed indexer, bytes32 indexed deploymentId, uint256 indexed allocationId, uint256 tokens, uint256 epoch);
    event AllocationClosed(
        address indexed indexer, bytes32 indexed deploymentId, uint256 indexed allocationId, uint256 tokens, uint256 epoch, bytes32 poi
    );

    error InvalidPercentage(uint256 ppm);
    error ZeroAmount();
    error InsufficientStake(uint256 required, uint256 available);
    error BelowMinimumStake(uint256 minimum, uint256 remaining);
    error StakeAllocated(uint256 allocated, uint256 capacityAfter);
    error NothingThawing();
    error StillThawing(uint256 untilBlock, uint256 currentBlock);
    error NotAnIndexer(address indexer);
    error BelowMinimumDelegation(uint256 minimum, uint256 tokens);
    error ZeroShares();
    error SlippageExceeded(uint256 minimum, uint256 actual);
    error InsufficientShares(uint256 required, uint256 available);
    error NothingToWithdraw();
    error DelegationLocked(uint256 untilEpoch, uint256 currentEpoch);
    error CapacityExceeded(uint256 requested, uint256 available);
    error DeploymentNotFound(bytes32 deploymentId);
    error DeploymentIsDeprecated(bytes32 deploymentId);
    error AllocationNotFound(uint256 allocationId);
    error NotAllocationIndexer(uint256 allocationId, address caller, address indexer);
    error AllocationAlreadyClosed(uint256 allocationId, uint256 closedAtEpoch);
    error ZeroPoi();
    error AllocationTooYoung(uint256 createdAtEpoch, uint256 currentEpoch);
    error NoDelegators(address indexer);

    constructor(
        IProtocolToken token_,
        IEpochManager epochManager_,
        ISubgraphRegistry registry_,
        uint256 minimumIndexerStake_,
        uint256 thawingPeriod_,
        uint256 delegationRatio_,
        uint256 delegationTaxPpm,
        uint256 delegationUnbondingPeriod_,
        uint256 minimumDelegation_,
        uint256 queryFeeCutCooldown_
    ) {
        if (delegationTaxPpm > MAX_PPM) revert InvalidPercentage(delegationTaxPpm);
        token = token_;
        epochManager = epochManager_;
        registry = registry_;
        minimumIndexerStake = minimumIndexerStake_;
        thawingPeriod = thawingPeriod_;
        delegationRatio = delegationRatio_;
        delegationTaxPercentage = delegationTaxPpm;
        delegationUnbondingPeriod = delegationUnbondingPeriod_;
        minimumDelegation = minimumDelegation_;
        queryFeeCutCooldown = queryFeeCutCooldown_;
    }

    // ---- own stake ----

    /// @notice Adds `tokens` (pulled with transferFrom) to the caller's own stake. The first stake must reach the
    ///         minimum and sets the query-fee cut to 100% (1,000,000 PPM) at once.
    function stake(uint256 tokens) external {
        if (tokens == 0) revert ZeroAmount();
        Indexer storage ix = indexers[msg.sender];
        uint256 own = ix.staked - ix.thawing + tokens;
        if (own < minimumIndexerStake) revert InsufficientStake(minimumIndexerStake, own);
        bool first = ix.staked == 0 && ix.queryFeeCut == 0 && ix.cutEffectiveBlock == 0;
        ix.staked += tokens;
        token.transferFrom(msg.sender, address(this), tokens);
        emit StakeDeposited(msg.sender, tokens, ix.staked);
        if (first) {
            ix.queryFeeCut = uint32(MAX_PPM);
            ix.pendingQueryFeeCut = uint32(MAX_PPM);
            ix.cutEffectiveBlock = uint64(block.number);
            emit QueryFeeCutSet(msg.sender, uint32(MAX_PPM), block.number);
        }
    }

    /// @notice Moves `tokens` of own stake into thawing; all thawing tokens unlock `thawingPeriod` blocks from now.
    function unstake(uint256 tokens) external {
        if (tokens == 0) revert ZeroAmount();
        Indexer storage ix = indexers[msg.sender];
        uint256 own = ix.staked - ix.thawing;
        if (tokens > own) revert InsufficientStake(tokens, own);
        uint256 remaining = own - tokens;
        if (remaining != 0 && remaining < minimumIndexerStake) revert BelowMinimumStake(minimumIndexerStake, remaining);
        uint256 capacityAfter = remaining + _min(delegationPools[msg.sender].tokens, remaining * delegationRatio);
        if (ix.allocated > capacityAfter) revert StakeAllocated(ix.allocated, capacityAfter);
        ix.thawing += tokens;
        ix.thawingUntilBlock = block.number + thawingPeriod;
        emit StakeLocked(msg.sender, tokens, ix.thawing, ix.thawingUntilBlock);
    }

    /// @notice Sends every thawed token back to the indexer.
    function withdraw() external returns (uint256 tokens) {
        Indexer storage ix = indexers[msg.sender];
        tokens = ix.thawing;
        if (tokens == 0) revert NothingThawing();
        if (block.number < ix.thawingUntilBlock) revert StillThawing(ix.thawingUntilBlock, block.number);
        ix.thawing = 0;
        ix.thawingUntilBlock = 0;
        ix.staked -= tokens;
        token.transfer(msg.sender, tokens);
        emit StakeWithdrawn(msg.sender, tokens, ix.staked);
    }

    /// @notice Sets the indexer's share of query fees (PPM); it applies `queryFeeCutCooldown` blocks from now.
    function setQueryFeeCut(uint32 cut) external {
        if (cut > MAX_PPM) revert InvalidPercentage(cut);
        Indexer storage ix = indexers[msg.sender];
        if (ix.staked == 0) revert NotAnIndexer(msg.sender);
        ix.queryFeeCut = queryFeeCut(msg.sender); // the pending one, once due, becomes the current one
        ix.pendingQueryFeeCut = cut;
        ix.cutEffectiveBlock = uint64(block.number + queryFeeCutCooldown);
        emit QueryFeeCutSet(msg.sender, cut, ix.cutEffectiveBlock);
    }

    // ---- delegation ----

    /// @notice Delegates `tokens` (pulled with transferFrom) to `indexer`; the tax is burned, the rest buys shares.
    function delegate(address indexer, uint256 tokens, uint256 minShares) external returns (uint256 shares) {
        if (!isIndexer(indexer)) revert NotAnIndexer(indexer);
        if (tokens < minimumDelegation || tokens == 0) revert BelowMinimumDelegation(minimumDelegation, tokens);
        uint256 tax = (tokens * delegationTaxPercentage) / MAX_PPM;
        uint256 net = tokens - tax;
        DelegationPool storage pool = delegationPools[indexer];
        shares = pool.shares == 0 ? net : (net * pool.shares) / pool.tokens;
        if (shares == 0) revert ZeroShares();
        if (shares < minShares) revert SlippageExceeded(minShares, shares);
        pool.tokens += net;
        pool.shares += shares;
        delegations[indexer][msg.sender].shares += shares;
        token.transferFrom(msg.sender, address(this), tokens);
        if (tax > 0) token.burn(tax);
        emit StakeDelegated(indexer, msg.sender, tokens, shares, tax);
    }

    /// @notice Burns `shares` for their tokens, which unbond until `delegationUnbondingPeriod` epochs from now
    ///         (the lock of tokens already unbonding is pushed to the same epoch).
    function undelegate(address indexer, uint256 shares) external returns (uint256 tokens) {
        if (shares == 0) revert ZeroAmount();
        Delegation storage d = delegations[indexer][msg.sender];
        if (d.shares < shares) revert InsufficientShares(shares, d.shares);
        DelegationPool storage pool = delegationPools[indexer];
        tokens = (shares * pool.tokens) / pool.shares;
        pool.tokens -= tokens;
        pool.shares -= shares;
        d.shares -= shares;
        d.lockedTokens += tokens;
        d.lockedUntilEpoch = epochManager.currentEpoch() + delegationUnbondingPeriod;
        emit StakeDelegatedLocked(indexer, msg.sender, tokens, shares, d.lockedUntilEpoch);
    }

    /// @notice Sends the caller's unbonded tokens delegated to `indexer` back.
    function withdrawDelegated(address indexer) external returns (uint256 tokens) {
        Delegation storage d = delegations[indexer][msg.sender];
        tokens = d.lockedTokens;
        if (tokens == 0) revert NothingToWithdraw();
        uint256 epoch = epochManager.currentEpoch();
        if (epoch < d.lockedUntilEpoch) revert DelegationLocked(d.lockedUntilEpoch, epoch);
        d.lockedTokens = 0;
        d.lockedUntilEpoch = 0;
        token.transfer(msg.sender, tokens);
        emit StakeDelegatedWithdrawn(indexer, msg.sender, tokens);
    }

    /// @notice Adds `tokens` (pulled from the caller) to `indexer`'s delegation pool: the delegators' share of fees.
    function addDelegationFees(address indexer, uint256 tokens) external {
        if (tokens == 0) revert ZeroAmount();
        DelegationPool storage pool = delegationPools[indexer];
        if (pool.shares == 0) revert NoDelegators(indexer);
        pool.tokens += tokens;
        token.transferFrom(msg.sender, address(this), tokens);
        emit DelegationFeesAdded(indexer, msg.sender, tokens);
    }

    // ---- allocations ----

    /// @notice Allocates `tokens` of the caller's available stake to a published, not deprecated deployment.
    function allocate(bytes32 deploymentId, uint256 tokens) external returns (uint256 allocationId) {
        if (tokens == 0) revert ZeroAmount();
        if (!registry.isPublished(deploymentId)) revert DeploymentNotFound(deploymentId);
        if (registry.isDeprecated(deploymentId)) revert DeploymentIsDeprecated(deploymentId);
        Indexer storage ix = indexers[msg.sender];
        uint256 own = ix.staked - ix.thawing;
        if (own < minimumIndexerStake) revert InsufficientStake(minimumIndexerStake, own);
        uint256 available = availableStake(msg.sender);
        if (tokens > available) revert CapacityExceeded(tokens, available);
        ix.allocated += tokens;
        allocationId = ++allocationCount;
        uint256 epoch = epochManager.currentEpoch();
        allocations[allocationId] = Allocation(msg.sender, deploymentId, tokens, epoch, 0, bytes32(0), true);
        emit AllocationCreated(msg.sender, deploymentId, allocationId, tokens, epoch);
    }

    /// @notice Closes the caller's allocation with a non-zero proof of indexing, at least one epoch after it opened.
    function closeAllocation(uint256 allocationId, bytes32 poi) external {
        Allocation storage a = allocations[allocationId];
        if (a.indexer == address(0)) revert AllocationNotFound(allocationId);
        if (a.indexer != msg.sender) revert NotAllocationIndexer(allocationId, msg.sender, a.indexer);
        if (!a.open) revert AllocationAlreadyClosed(allocationId, a.closedAtEpoch);
        if (poi == bytes32(0)) revert ZeroPoi();
        uint256 epoch = epochManager.currentEpoch();
        if (epoch <= a.createdAtEpoch) revert AllocationTooYoung(a.createdAtEpoch, epoch);
        a.open = false;
        a.closedAtEpoch = epoch;
        a.poi = poi;
        indexers[msg.sender].allocated -= a.tokens;
        emit AllocationClosed(msg.sender, a.deploymentId, allocationId, a.tokens, epoch, poi);
    }

    // ---- views ----

    /// @notice True when `indexer` has own stake that is not thawing.
    function isIndexer(address indexer) public view returns (bool) {
        Indexer storage ix = indexers[indexer];
        return ix.staked > ix.thawing;
    }

    /// @notice The cut in force now (the pending one once its block is reached).
    function queryFeeCut(address indexer) public view returns (uint32) {
        Indexer storage ix = indexers[indexer];
        return block.number >= ix.cutEffectiveBlock ? ix.pendingQueryFeeCut : ix.queryFeeCut;
    }

    function hasDelegators(address indexer) external view returns (bool) {
        return delegationPools[indexer].shares > 0;
    }

    /// @notice Own stake not thawing.
    function ownStake(address indexer) public view returns (uint256) {
        Indexer storage ix = indexers[indexer];
        return ix.staked - ix.thawing;
    }

    /// @notice Delegated tokens that count: min(pool tokens, delegationRatio × own stake).
    function delegatedCapacity(address indexer) public view returns (uint256) {
        return _min(delegationPools[indexer].tokens, ownStake(indexer) * delegationRatio);
    }

    /// @notice own stake + counted delegation − allocated (never below zero).
    function availableStake(address indexer) public view returns (uint256) {
        uint256 capacity = ownStake(indexer) + delegatedCapacity(indexer);
        uint256 allocated = indexers[indexer].allocated;
        return capacity > allocated ? capacity - allocated : 0;
    }

    /// @notice The tokens `shares` of `indexer`'s pool are worth now.
    function sharesToTokens(address indexer, uint256 shares) external view returns (uint256) {
        DelegationPool storage pool = delegationPools[indexer];
        return pool.shares == 0 ? 0 : (shares * pool.tokens) / pool.shares;
    }

    function _min(uint256 a, uint256 b) private pure returns (uint256) {
        return a < b ? a : b;
    }
}
