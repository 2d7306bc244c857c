// FeeSettlement: payers' escrows (FeeSettlement.escrows), what each (payer, indexer, deployment) already paid
// (FeeSettlement.collected), and each voucher redemption with its split. The pools the split feeds are updated by
// the CurationFeesAdded and DelegationFeesAdded events emitted before QueryFeesCollected in the same redemption,
// the indexer's and the burn's token movements by the token's Transfer events.
import { Address, ethereum } from '@graphprotocol/graph-ts'
import { Deposited, FeeSettlement, QueryFeesCollected, ThawStarted, Withdrawn } from '../generated/FeeSettlement/FeeSettlement'
import { GraphNetwork, Payer, QueryFeeRedemption, VoucherCollection } from '../generated/schema'
import { cutInForce, eventId, getEpoch, getNetwork, loadDeployment, loadIndexer, zero } from './helpers'

/** The contract's address and parameters, read once (the contract emits no event for them). */
function loadParameters(network: GraphNetwork, event: ethereum.Event): void {
  if (network.feeSettlement !== null) return
  network.feeSettlement = event.address
  let fees = FeeSettlement.bind(event.address)
  network.protocolPercentage = fees.protocolPercentage().toI32()
  network.curationPercentage = fees.curationPercentage().toI32()
  network.escrowThawingPeriod = fees.escrowThawingPeriod()
}

function getPayer(address: Address, network: GraphNetwork): Payer {
  let payer = Payer.load(address)
  if (payer == null) {
    payer = new Payer(address)
    payer.escrowBalance = zero()
    payer.thawingTokens = zero()
    payer.thawEndBlock = zero()
    payer.totalDeposited = zero()
    payer.totalWithdrawn = zero()
    payer.totalQueryFees = zero()
    network.payerCount = network.payerCount + 1
  }
  return payer
}

export function handleDeposited(event: Deposited): void {
  let network = getNetwork()
  loadParameters(network, event)
  let payer = getPayer(event.params.payer, network)
  payer.escrowBalance = event.params.balance
  payer.totalDeposited = payer.totalDeposited.plus(event.params.tokens)
  payer.save()
  network.totalEscrowBalance = network.totalEscrowBalance.plus(event.params.tokens)
  network.save()
}

export function handleThawStarted(event: ThawStarted): void {
  let network = getNetwork()
  loadParameters(network, event)
  let payer = getPayer(event.params.payer, network)
  payer.thawingTokens = event.params.tokens
  payer.thawEndBlock = event.params.thawEndBlock
  payer.save()
  network.save()
}

export function handleWithdrawn(event: Withdrawn): void {
  let network = getNetwork()
  loadParameters(network, event)
  let payer = getPayer(event.params.payer, network)
  payer.escrowBalance = event.params.balance
  payer.thawingTokens = zero()
  payer.thawEndBlock = zero()
  payer.totalWithdrawn = payer.totalWithdrawn.plus(event.params.tokens)
  payer.save()
  network.totalEscrowBalance = network.totalEscrowBalance.minus(event.params.tokens)
  network.save()
}

export function handleQueryFeesCollected(event: QueryFeesCollected): void {
  let network = getNetwork()
  loadParameters(network, event)
  let p = event.params
  let payer = getPayer(p.payer, network)
  let indexer = loadIndexer(p.indexer, 'QueryFeesCollected')
  let deployment = loadDeployment(p.deploymentId, 'QueryFeesCollected')
  let amount = p.amount
  if (!p.protocolTax.plus(p.curationFees).plus(p.indexerFees).plus(p.delegatorFees).equals(amount)) {
    throw new Error('QueryFeesCollected: the split does not add up to the amount ' + amount.toString())
  }

  // The escrow pays the amount; thawing tokens beyond the new balance are lowered to it (as the contract does).
  payer.escrowBalance = payer.escrowBalance.minus(amount)
  if (payer.thawingTokens.gt(payer.escrowBalance)) {
    payer.thawingTokens = payer.escrowBalance
  }
  payer.totalQueryFees = payer.totalQueryFees.plus(amount)
  payer.save()

  let collectionId = p.payer.concat(p.indexer).concat(p.deploymentId)
  let collection = VoucherCollection.load(collectionId)
  if (collection == null) {
    collection = new VoucherCollection(collectionId)
    collection.payer = p.payer
    collection.indexer = p.indexer
    collection.deployment = p.deploymentId
    collection.redemptionCount = 0
  }
  collection.collected = p.valueAggregate
  collection.redemptionCount = collection.redemptionCount + 1
  collection.save()

  let epoch = getEpoch(network, p.epoch)
  let redemption = new QueryFeeRedemption(eventId(event))
  redemption.payer = p.payer
  redemption.indexer = p.indexer
  redemption.deployment = p.deploymentId
  redemption.epoch = epoch.id
  redemption.valueAggregate = p.valueAggregate
  redemption.amount = amount
  redemption.protocolTax = p.protocolTax
  redemption.curationFees = p.curationFees
  redemption.indexerFees = p.indexerFees
  redemption.delegatorFees = p.delegatorFees
  redemption.queryFeeCut = cutInForce(indexer, event.block.number)
  redemption.block = event.block.number
  redemption.timestamp = event.block.timestamp
  redemption.tx = event.transaction.hash
  redemption.save()

  indexer.totalQueryFees = indexer.totalQueryFees.plus(amount)
  indexer.totalProtocolTax = indexer.totalProtocolTax.plus(p.protocolTax)
  indexer.totalCuratorFees = indexer.totalCuratorFees.plus(p.curationFees)
  indexer.totalIndexerFees = indexer.totalIndexerFees.plus(p.indexerFees)
  indexer.totalDelegatorFees = indexer.totalDelegatorFees.plus(p.delegatorFees)
  indexer.save()

  deployment.totalQueryFees = deployment.totalQueryFees.plus(amount)
  deployment.totalProtocolTax = deployment.totalProtocolTax.plus(p.protocolTax)
  deployment.totalCuratorFees = deployment.totalCuratorFees.plus(p.curationFees)
  deployment.totalIndexerFees = deployment.totalIndexerFees.plus(p.indexerFees)
  deployment.totalDelegatorFees = deployment.totalDelegatorFees.plus(p.delegatorFees)
  deployment.save()

  epoch.queryFees = epoch.queryFees.plus(amount)
  epoch.protocolTax = epoch.protocolTax.plus(p.protocolTax)
  epoch.curatorFees = epoch.curatorFees.plus(p.curationFees)
  epoch.indexerFees = epoch.indexerFees.plus(p.indexerFees)
  epoch.delegatorFees = epoch.delegatorFees.plus(p.delegatorFees)
  epoch.redemptionCount = epoch.redemptionCount + 1
  epoch.save()

  network.totalEscrowBalance = network.totalEscrowBalance.minus(amount)
  network.totalQueryFees = network.totalQueryFees.plus(amount)
  network.totalProtocolTax = network.totalProtocolTax.plus(p.protocolTax)
  network.totalCuratorFees = network.totalCuratorFees.plus(p.curationFees)
  network.totalIndexerFees = network.totalIndexerFees.plus(p.indexerFees)
  network.totalDelegatorFees = network.totalDelegatorFees.plus(p.delegatorFees)
  network.redemptionCount = network.redemptionCount + 1
  network.save()
}
