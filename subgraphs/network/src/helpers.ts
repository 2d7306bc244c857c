// Shared helpers of the network subgraph's mappings: the GraphNetwork singleton, epochs, and loaders that
// create what is missing with zeroed balances.
//
// Pattern of every handler (as subgraphs/depin): load GraphNetwork once, pass it to the helpers that count
// (a new indexer, a new curator…), change it, save it once at the end. Loading an entity twice in one handler
// gives two copies, and the later save would overwrite the other's changes.
import { Address, BigInt, Bytes, ethereum } from '@graphprotocol/graph-ts'
import { Account, Epoch, GraphNetwork, Indexer, SubgraphDeployment } from '../generated/schema'

export const NETWORK_ID = '1'
export const MAX_PPM: i32 = 1000000

export function zero(): BigInt {
  return BigInt.zero()
}

export function minBigInt(a: BigInt, b: BigInt): BigInt {
  return a.lt(b) ? a : b
}

/** The usual id of an entity made from one log: transaction hash + log index. */
export function eventId(event: ethereum.Event): Bytes {
  return event.transaction.hash.concatI32(event.logIndex.toI32())
}

export function getNetwork(): GraphNetwork {
  let n = GraphNetwork.load(NETWORK_ID)
  if (n == null) {
    n = new GraphNetwork(NETWORK_ID)
    n.currentEpoch = zero()
    n.totalSupply = zero()
    n.totalMinted = zero()
    n.totalBurned = zero()
    n.totalTokensStaked = zero()
    n.totalTokensThawing = zero()
    n.totalTokensAllocated = zero()
    n.totalDelegatedTokens = zero()
    n.totalDelegatedTokensUnbonding = zero()
    n.totalTokensSignalled = zero()
    n.totalSignal = zero()
    n.totalEscrowBalance = zero()
    n.totalCurationTax = zero()
    n.totalDelegationTax = zero()
    n.totalQueryFees = zero()
    n.totalProtocolTax = zero()
    n.totalCuratorFees = zero()
    n.totalIndexerFees = zero()
    n.totalDelegatorFees = zero()
    n.indexerCount = 0
    n.stakedIndexerCount = 0
    n.delegatorCount = 0
    n.delegationCount = 0
    n.activeDelegationCount = 0
    n.curatorCount = 0
    n.activeSignalCount = 0
    n.deploymentCount = 0
    n.activeDeploymentCount = 0
    n.allocationCount = 0
    n.activeAllocationCount = 0
    n.payerCount = 0
    n.redemptionCount = 0
  }
  return n
}

/**
 * The epoch of `block` (EpochManager: (block − startBlock) / epochLength). The EpochManager is deployed before
 * every contract that emits events with amounts, so its EpochManagerStarted is indexed first; without it the
 * manifest is broken (a start block too late) and the subgraph fails rather than count in a wrong epoch.
 */
export function epochOf(network: GraphNetwork, block: BigInt): BigInt {
  let length = network.epochLength
  let start = network.epochStartBlock
  if (length === null || start === null) {
    throw new Error('no EpochManagerStarted indexed before block ' + block.toString() + ': EpochManager startBlock is too late')
  }
  return block.minus(start!).div(length!)
}

/** The Epoch entity `number`, created with zero totals; also moves network.currentEpoch forward. */
export function getEpoch(network: GraphNetwork, number: BigInt): Epoch {
  if (number.gt(network.currentEpoch)) {
    network.currentEpoch = number
  }
  let id = number.toString()
  let epoch = Epoch.load(id)
  if (epoch == null) {
    let length = network.epochLength
    let start = network.epochStartBlock
    if (length === null || start === null) {
      throw new Error('epoch ' + id + ' before EpochManagerStarted was indexed')
    }
    epoch = new Epoch(id)
    epoch.number = number
    epoch.startBlock = start!.plus(number.times(length!))
    epoch.endBlock = epoch.startBlock.plus(length!).minus(BigInt.fromI32(1))
    epoch.queryFees = zero()
    epoch.protocolTax = zero()
    epoch.curatorFees = zero()
    epoch.indexerFees = zero()
    epoch.delegatorFees = zero()
    epoch.redemptionCount = 0
    epoch.stakeDeposited = zero()
    epoch.stakeWithdrawn = zero()
    epoch.delegatedTokens = zero()
    epoch.delegationTax = zero()
    epoch.undelegatedTokens = zero()
    epoch.signalledTokens = zero()
    epoch.curationTax = zero()
    epoch.unsignalledTokens = zero()
    epoch.allocationsCreated = 0
    epoch.allocationsClosed = 0
    epoch.tokensAllocated = zero()
  }
  return epoch
}

/** The Epoch of an event's block. */
export function epochOfEvent(network: GraphNetwork, event: ethereum.Event): Epoch {
  return getEpoch(network, epochOf(network, event.block.number))
}

export function getAccount(address: Address): Account {
  let account = Account.load(address)
  if (account == null) {
    account = new Account(address)
    account.balance = zero()
  }
  return account
}

/** A published deployment; a missing one means an event the registry would have refused: fail loudly. */
export function loadDeployment(id: Bytes, eventName: string): SubgraphDeployment {
  let deployment = SubgraphDeployment.load(id)
  if (deployment == null) {
    throw new Error(eventName + ' for unpublished deployment ' + id.toHexString())
  }
  return deployment
}

/** An indexer that staked before; a missing one means a broken manifest: fail loudly. */
export function loadIndexer(address: Address, eventName: string): Indexer {
  let indexer = Indexer.load(address)
  if (indexer == null) {
    throw new Error(eventName + ' for unknown indexer ' + address.toHexString())
  }
  return indexer
}

/** The query-fee cut in force at `block` (Staking.queryFeeCut(indexer)): the pending one from its block on. */
export function cutInForce(indexer: Indexer, block: BigInt): i32 {
  return block.ge(indexer.cutEffectiveBlock) ? indexer.pendingQueryFeeCut : indexer.queryFeeCut
}
