// Staking: indexers' own stake (thawing in blocks), the query-fee cut with its cooldown, delegation pools and
// delegations (tax burned, unbonding in epochs), and allocations. Every field named after a Staking getter is kept
// equal to it: the events carry the new totals (staked, thawing, lockedUntilEpoch) or the exact deltas.
import { Address, Bytes, ethereum } from '@graphprotocol/graph-ts'
import {
  AllocationClosed,
  AllocationCreated,
  DelegationFeesAdded,
  QueryFeeCutSet,
  StakeDelegated,
  StakeDelegatedLocked,
  StakeDelegatedWithdrawn,
  StakeDeposited,
  StakeLocked,
  StakeWithdrawn,
  Staking,
} from '../generated/Staking/Staking'
import { Allocation, DelegatedStake, Delegator, GraphNetwork, Indexer } from '../generated/schema'
import { cutInForce, epochOfEvent, getEpoch, getNetwork, loadDeployment, loadIndexer, minBigInt, zero } from './helpers'

/** The contract's address and parameters, read once (the contract emits no event for them). */
function loadParameters(network: GraphNetwork, event: ethereum.Event): void {
  if (network.staking !== null) return
  network.staking = event.address
  let staking = Staking.bind(event.address)
  network.minimumIndexerStake = staking.minimumIndexerStake()
  network.thawingPeriod = staking.thawingPeriod()
  network.delegationRatio = staking.delegationRatio()
  network.delegationTaxPercentage = staking.delegationTaxPercentage().toI32()
  network.delegationUnbondingPeriod = staking.delegationUnbondingPeriod()
  network.minimumDelegation = staking.minimumDelegation()
  network.queryFeeCutCooldown = staking.queryFeeCutCooldown()
}

function getIndexer(address: Address, network: GraphNetwork, event: ethereum.Event): Indexer {
  let indexer = Indexer.load(address)
  if (indexer == null) {
    indexer = new Indexer(address)
    indexer.stakedTokens = zero()
    indexer.thawingTokens = zero()
    indexer.thawingUntilBlock = zero()
    indexer.ownStake = zero()
    indexer.allocatedTokens = zero()
    indexer.queryFeeCut = 0
    indexer.pendingQueryFeeCut = 0
    indexer.cutEffectiveBlock = zero()
    indexer.delegatedTokens = zero()
    indexer.delegationShares = zero()
    indexer.delegatedCapacity = zero()
    indexer.availableStake = zero()
    indexer.activeDelegationCount = 0
    indexer.allocationCount = 0
    indexer.activeAllocationCount = 0
    indexer.totalStakeDeposited = zero()
    indexer.totalStakeWithdrawn = zero()
    indexer.totalQueryFees = zero()
    indexer.totalProtocolTax = zero()
    indexer.totalCuratorFees = zero()
    indexer.totalIndexerFees = zero()
    indexer.totalDelegatorFees = zero()
    indexer.createdAt = event.block.timestamp
    indexer.createdAtBlock = event.block.number
    network.indexerCount = network.indexerCount + 1
  }
  return indexer
}

/**
 * Recomputes the derived stake fields (Staking.ownStake, delegatedCapacity, availableStake) after a change and
 * keeps network.stakedIndexerCount; saves the indexer.
 */
function saveIndexer(indexer: Indexer, network: GraphNetwork): void {
  let wasStaked = indexer.ownStake.gt(zero())
  indexer.ownStake = indexer.stakedTokens.minus(indexer.thawingTokens)
  let ratio = network.delegationRatio
  if (ratio === null) {
    throw new Error('Staking parameters not loaded')
  }
  indexer.delegatedCapacity = minBigInt(indexer.delegatedTokens, indexer.ownStake.times(ratio!))
  let capacity = indexer.ownStake.plus(indexer.delegatedCapacity)
  indexer.availableStake = capacity.gt(indexer.allocatedTokens) ? capacity.minus(indexer.allocatedTokens) : zero()
  let isStaked = indexer.ownStake.gt(zero())
  if (isStaked && !wasStaked) network.stakedIndexerCount = network.stakedIndexerCount + 1
  if (!isStaked && wasStaked) network.stakedIndexerCount = network.stakedIndexerCount - 1
  indexer.save()
}

// ---- own stake ----

export function handleStakeDeposited(event: StakeDeposited): void {
  let network = getNetwork()
  loadParameters(network, event)
  let indexer = getIndexer(event.params.indexer, network, event)
  let tokens = event.params.tokens
  indexer.stakedTokens = event.params.staked
  indexer.totalStakeDeposited = indexer.totalStakeDeposited.plus(tokens)
  saveIndexer(indexer, network)
  let epoch = epochOfEvent(network, event)
  epoch.stakeDeposited = epoch.stakeDeposited.plus(tokens)
  epoch.save()
  network.totalTokensStaked = network.totalTokensStaked.plus(tokens)
  network.save()
}

export function handleStakeLocked(event: StakeLocked): void {
  let network = getNetwork()
  loadParameters(network, event)
  let indexer = loadIndexer(event.params.indexer, 'StakeLocked')
  indexer.thawingTokens = event.params.thawing
  indexer.thawingUntilBlock = event.params.untilBlock
  saveIndexer(indexer, network)
  network.totalTokensThawing = network.totalTokensThawing.plus(event.params.tokens)
  network.save()
}

export function handleStakeWithdrawn(event: StakeWithdrawn): void {
  let network = getNetwork()
  loadParameters(network, event)
  let indexer = loadIndexer(event.params.indexer, 'StakeWithdrawn')
  let tokens = event.params.tokens
  indexer.stakedTokens = event.params.staked
  indexer.thawingTokens = zero()
  indexer.thawingUntilBlock = zero()
  indexer.totalStakeWithdrawn = indexer.totalStakeWithdrawn.plus(tokens)
  saveIndexer(indexer, network)
  let epoch = epochOfEvent(network, event)
  epoch.stakeWithdrawn = epoch.stakeWithdrawn.plus(tokens)
  epoch.save()
  network.totalTokensStaked = network.totalTokensStaked.minus(tokens)
  network.totalTokensThawing = network.totalTokensThawing.minus(tokens)
  network.save()
}

/**
 * The indexer's first stake sets the cut at once (queryFeeCut = pending = 1e6, effective now); a later
 * setQueryFeeCut first makes the cut in force the current one, then sets the pending one and its block.
 */
export function handleQueryFeeCutSet(event: QueryFeeCutSet): void {
  let network = getNetwork()
  loadParameters(network, event)
  let indexer = loadIndexer(event.params.indexer, 'QueryFeeCutSet')
  let cut = event.params.queryFeeCut.toI32()
  let first = indexer.cutEffectiveBlock.isZero() && indexer.queryFeeCut == 0 && indexer.pendingQueryFeeCut == 0
  indexer.queryFeeCut = first ? cut : cutInForce(indexer, event.block.number)
  indexer.pendingQueryFeeCut = cut
  indexer.cutEffectiveBlock = event.params.effectiveBlock
  saveIndexer(indexer, network)
  network.save()
}

// ---- delegation ----

function getDelegator(address: Address, network: GraphNetwork): Delegator {
  let delegator = Delegator.load(address)
  if (delegator == null) {
    delegator = new Delegator(address)
    delegator.totalDelegatedTokens = zero()
    delegator.totalDelegationTax = zero()
    delegator.totalUndelegatedTokens = zero()
    delegator.totalWithdrawnTokens = zero()
    delegator.activeDelegationCount = 0
    network.delegatorCount = network.delegatorCount + 1
  }
  return delegator
}

function getDelegatedStake(indexer: Address, delegator: Address, network: GraphNetwork, event: ethereum.Event): DelegatedStake {
  let id = indexer.concat(delegator)
  let stake = DelegatedStake.load(id)
  if (stake == null) {
    stake = new DelegatedStake(id)
    stake.indexer = indexer
    stake.delegator = delegator
    stake.shares = zero()
    stake.lockedTokens = zero()
    stake.lockedUntilEpoch = zero()
    stake.totalDelegatedTokens = zero()
    stake.totalDelegationTax = zero()
    stake.totalUndelegatedTokens = zero()
    stake.totalWithdrawnTokens = zero()
    stake.createdAt = event.block.timestamp
    stake.lastDelegatedAt = event.block.timestamp
    network.delegationCount = network.delegationCount + 1
  }
  return stake
}

function loadDelegatedStake(indexer: Address, delegator: Address, eventName: string): DelegatedStake {
  let stake = DelegatedStake.load(indexer.concat(delegator))
  if (stake == null) {
    throw new Error(eventName + ' for unknown delegation of ' + delegator.toHexString() + ' to ' + indexer.toHexString())
  }
  return stake
}

export function handleStakeDelegated(event: StakeDelegated): void {
  let network = getNetwork()
  loadParameters(network, event)
  let indexer = loadIndexer(event.params.indexer, 'StakeDelegated')
  let delegator = getDelegator(event.params.delegator, network)
  let stake = getDelegatedStake(event.params.indexer, event.params.delegator, network, event)
  let tokens = event.params.tokens
  let tax = event.params.tax
  let shares = event.params.shares
  let net = tokens.minus(tax)

  if (stake.shares.isZero()) {
    indexer.activeDelegationCount = indexer.activeDelegationCount + 1
    delegator.activeDelegationCount = delegator.activeDelegationCount + 1
    network.activeDelegationCount = network.activeDelegationCount + 1
  }
  stake.shares = stake.shares.plus(shares)
  stake.totalDelegatedTokens = stake.totalDelegatedTokens.plus(tokens)
  stake.totalDelegationTax = stake.totalDelegationTax.plus(tax)
  stake.lastDelegatedAt = event.block.timestamp
  stake.save()

  delegator.totalDelegatedTokens = delegator.totalDelegatedTokens.plus(tokens)
  delegator.totalDelegationTax = delegator.totalDelegationTax.plus(tax)
  delegator.save()

  indexer.delegatedTokens = indexer.delegatedTokens.plus(net)
  indexer.delegationShares = indexer.delegationShares.plus(shares)
  saveIndexer(indexer, network)

  let epoch = epochOfEvent(network, event)
  epoch.delegatedTokens = epoch.delegatedTokens.plus(tokens)
  epoch.delegationTax = epoch.delegationTax.plus(tax)
  epoch.save()

  network.totalDelegatedTokens = network.totalDelegatedTokens.plus(net)
  network.totalDelegationTax = network.totalDelegationTax.plus(tax)
  network.save()
}

export function handleStakeDelegatedLocked(event: StakeDelegatedLocked): void {
  let network = getNetwork()
  loadParameters(network, event)
  let indexer = loadIndexer(event.params.indexer, 'StakeDelegatedLocked')
  let delegator = getDelegator(event.params.delegator, network)
  let stake = loadDelegatedStake(event.params.indexer, event.params.delegator, 'StakeDelegatedLocked')
  let tokens = event.params.tokens
  let shares = event.params.shares

  stake.shares = stake.shares.minus(shares)
  stake.lockedTokens = stake.lockedTokens.plus(tokens)
  stake.lockedUntilEpoch = event.params.untilEpoch
  stake.totalUndelegatedTokens = stake.totalUndelegatedTokens.plus(tokens)
  stake.lastUndelegatedAt = event.block.timestamp
  stake.save()
  if (stake.shares.isZero()) {
    indexer.activeDelegationCount = indexer.activeDelegationCount - 1
    delegator.activeDelegationCount = delegator.activeDelegationCount - 1
    network.activeDelegationCount = network.activeDelegationCount - 1
  }

  delegator.totalUndelegatedTokens = delegator.totalUndelegatedTokens.plus(tokens)
  delegator.save()

  indexer.delegatedTokens = indexer.delegatedTokens.minus(tokens)
  indexer.delegationShares = indexer.delegationShares.minus(shares)
  saveIndexer(indexer, network)

  let epoch = epochOfEvent(network, event)
  epoch.undelegatedTokens = epoch.undelegatedTokens.plus(tokens)
  epoch.save()

  network.totalDelegatedTokens = network.totalDelegatedTokens.minus(tokens)
  network.totalDelegatedTokensUnbonding = network.totalDelegatedTokensUnbonding.plus(tokens)
  network.save()
}

export function handleStakeDelegatedWithdrawn(event: StakeDelegatedWithdrawn): void {
  let network = getNetwork()
  loadParameters(network, event)
  let delegator = getDelegator(event.params.delegator, network)
  let stake = loadDelegatedStake(event.params.indexer, event.params.delegator, 'StakeDelegatedWithdrawn')
  let tokens = event.params.tokens
  stake.lockedTokens = zero()
  stake.lockedUntilEpoch = zero()
  stake.totalWithdrawnTokens = stake.totalWithdrawnTokens.plus(tokens)
  stake.save()
  delegator.totalWithdrawnTokens = delegator.totalWithdrawnTokens.plus(tokens)
  delegator.save()
  network.totalDelegatedTokensUnbonding = network.totalDelegatedTokensUnbonding.minus(tokens)
  network.save()
}

/** The delegators' share of a redemption (counted in the fee totals by QueryFeesCollected): here only the pool grows. */
export function handleDelegationFeesAdded(event: DelegationFeesAdded): void {
  let network = getNetwork()
  loadParameters(network, event)
  let indexer = loadIndexer(event.params.indexer, 'DelegationFeesAdded')
  indexer.delegatedTokens = indexer.delegatedTokens.plus(event.params.tokens)
  saveIndexer(indexer, network)
  network.totalDelegatedTokens = network.totalDelegatedTokens.plus(event.params.tokens)
  network.save()
}

// ---- allocations ----

export function handleAllocationCreated(event: AllocationCreated): void {
  let network = getNetwork()
  loadParameters(network, event)
  let indexer = loadIndexer(event.params.indexer, 'AllocationCreated')
  let deployment = loadDeployment(event.params.deploymentId, 'AllocationCreated')
  let tokens = event.params.tokens

  let allocation = new Allocation(event.params.allocationId.toString())
  allocation.allocationId = event.params.allocationId
  allocation.indexer = indexer.id
  allocation.deployment = deployment.id
  allocation.tokens = tokens
  allocation.status = 'Active'
  allocation.createdAtEpoch = event.params.epoch
  allocation.createdAtBlock = event.block.number
  allocation.createdAt = event.block.timestamp
  allocation.closedAtEpoch = zero()
  allocation.poi = Bytes.fromUint8Array(new Uint8Array(32))
  allocation.save()

  indexer.allocatedTokens = indexer.allocatedTokens.plus(tokens)
  indexer.allocationCount = indexer.allocationCount + 1
  indexer.activeAllocationCount = indexer.activeAllocationCount + 1
  saveIndexer(indexer, network)

  deployment.allocatedTokens = deployment.allocatedTokens.plus(tokens)
  deployment.allocationCount = deployment.allocationCount + 1
  deployment.activeAllocationCount = deployment.activeAllocationCount + 1
  deployment.save()

  let epoch = getEpoch(network, event.params.epoch)
  epoch.allocationsCreated = epoch.allocationsCreated + 1
  epoch.tokensAllocated = epoch.tokensAllocated.plus(tokens)
  epoch.save()

  network.totalTokensAllocated = network.totalTokensAllocated.plus(tokens)
  network.allocationCount = network.allocationCount + 1
  network.activeAllocationCount = network.activeAllocationCount + 1
  network.save()
}

export function handleAllocationClosed(event: AllocationClosed): void {
  let network = getNetwork()
  loadParameters(network, event)
  let id = event.params.allocationId.toString()
  let allocation = Allocation.load(id)
  if (allocation == null) {
    throw new Error('AllocationClosed for unknown allocation ' + id)
  }
  let indexer = loadIndexer(event.params.indexer, 'AllocationClosed')
  let deployment = loadDeployment(event.params.deploymentId, 'AllocationClosed')
  let tokens = event.params.tokens

  allocation.status = 'Closed'
  allocation.closedAtEpoch = event.params.epoch
  allocation.closedAtBlock = event.block.number
  allocation.closedAt = event.block.timestamp
  allocation.poi = event.params.poi
  allocation.save()

  indexer.allocatedTokens = indexer.allocatedTokens.minus(tokens)
  indexer.activeAllocationCount = indexer.activeAllocationCount - 1
  saveIndexer(indexer, network)

  deployment.allocatedTokens = deployment.allocatedTokens.minus(tokens)
  deployment.activeAllocationCount = deployment.activeAllocationCount - 1
  deployment.save()

  let epoch = getEpoch(network, event.params.epoch)
  epoch.allocationsClosed = epoch.allocationsClosed + 1
  epoch.save()

  network.totalTokensAllocated = network.totalTokensAllocated.minus(tokens)
  network.activeAllocationCount = network.activeAllocationCount - 1
  network.save()
}

