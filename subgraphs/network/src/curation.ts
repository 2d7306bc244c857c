// Curation: per deployment a pool {tokens, signal} (Curation.pools), per curator its shares
// (Curation.signalOf). Signalled carries the whole deposit and the tax burned from it: the pool grows by
// tokens − tax. Query fees (CurationFeesAdded) raise the pool's tokens, hence every share's price.
import { Address, Bytes, ethereum } from '@graphprotocol/graph-ts'
import { Curation, CurationFeesAdded, Signalled, Unsignalled } from '../generated/Curation/Curation'
import { Curator, GraphNetwork, Signal } from '../generated/schema'
import { epochOfEvent, getNetwork, loadDeployment, zero } from './helpers'

/** The contract's address and parameters, read once (the contract emits no event for them). */
function loadParameters(network: GraphNetwork, event: ethereum.Event): void {
  if (network.curation !== null) return
  network.curation = event.address
  let curation = Curation.bind(event.address)
  network.curationTaxPercentage = curation.curationTaxPercentage().toI32()
  network.minimumCurationDeposit = curation.minimumCurationDeposit()
}

function getCurator(address: Address, network: GraphNetwork): Curator {
  let curator = Curator.load(address)
  if (curator == null) {
    curator = new Curator(address)
    curator.totalSignalledTokens = zero()
    curator.totalCurationTax = zero()
    curator.totalUnsignalledTokens = zero()
    curator.activeSignalCount = 0
    network.curatorCount = network.curatorCount + 1
  }
  return curator
}

function getSignal(deploymentId: Bytes, curator: Address, event: ethereum.Event): Signal {
  let id = deploymentId.concat(curator)
  let signal = Signal.load(id)
  if (signal == null) {
    signal = new Signal(id)
    signal.curator = curator
    signal.deployment = deploymentId
    signal.signal = zero()
    signal.totalSignalledTokens = zero()
    signal.totalCurationTax = zero()
    signal.totalUnsignalledTokens = zero()
    signal.createdAt = event.block.timestamp
    signal.lastSignalledAt = event.block.timestamp
  }
  return signal
}

export function handleSignalled(event: Signalled): void {
  let network = getNetwork()
  loadParameters(network, event)
  let deployment = loadDeployment(event.params.deploymentId, 'Signalled')
  let curator = getCurator(event.params.curator, network)
  let signal = getSignal(deployment.id, event.params.curator, event)
  let tokens = event.params.tokens
  let tax = event.params.tax
  let shares = event.params.signal
  let net = tokens.minus(tax)

  if (signal.signal.isZero()) {
    curator.activeSignalCount = curator.activeSignalCount + 1
    deployment.activeSignalCount = deployment.activeSignalCount + 1
    network.activeSignalCount = network.activeSignalCount + 1
  }
  signal.signal = signal.signal.plus(shares)
  signal.totalSignalledTokens = signal.totalSignalledTokens.plus(tokens)
  signal.totalCurationTax = signal.totalCurationTax.plus(tax)
  signal.lastSignalledAt = event.block.timestamp
  signal.save()

  curator.totalSignalledTokens = curator.totalSignalledTokens.plus(tokens)
  curator.totalCurationTax = curator.totalCurationTax.plus(tax)
  curator.save()

  deployment.signalledTokens = deployment.signalledTokens.plus(net)
  deployment.signalAmount = deployment.signalAmount.plus(shares)
  deployment.totalCurationTax = deployment.totalCurationTax.plus(tax)
  deployment.save()

  let epoch = epochOfEvent(network, event)
  epoch.signalledTokens = epoch.signalledTokens.plus(tokens)
  epoch.curationTax = epoch.curationTax.plus(tax)
  epoch.save()

  network.totalTokensSignalled = network.totalTokensSignalled.plus(net)
  network.totalSignal = network.totalSignal.plus(shares)
  network.totalCurationTax = network.totalCurationTax.plus(tax)
  network.save()
}

export function handleUnsignalled(event: Unsignalled): void {
  let network = getNetwork()
  loadParameters(network, event)
  let deployment = loadDeployment(event.params.deploymentId, 'Unsignalled')
  let curator = getCurator(event.params.curator, network)
  let signal = getSignal(deployment.id, event.params.curator, event)
  let tokens = event.params.tokens
  let shares = event.params.signal

  signal.signal = signal.signal.minus(shares)
  signal.totalUnsignalledTokens = signal.totalUnsignalledTokens.plus(tokens)
  signal.lastUnsignalledAt = event.block.timestamp
  signal.save()
  if (signal.signal.isZero()) {
    curator.activeSignalCount = curator.activeSignalCount - 1
    deployment.activeSignalCount = deployment.activeSignalCount - 1
    network.activeSignalCount = network.activeSignalCount - 1
  }

  curator.totalUnsignalledTokens = curator.totalUnsignalledTokens.plus(tokens)
  curator.save()

  deployment.signalledTokens = deployment.signalledTokens.minus(tokens)
  deployment.signalAmount = deployment.signalAmount.minus(shares)
  deployment.save()

  let epoch = epochOfEvent(network, event)
  epoch.unsignalledTokens = epoch.unsignalledTokens.plus(tokens)
  epoch.save()

  network.totalTokensSignalled = network.totalTokensSignalled.minus(tokens)
  network.totalSignal = network.totalSignal.minus(shares)
  network.save()
}

export function handleCurationFeesAdded(event: CurationFeesAdded): void {
  let network = getNetwork()
  loadParameters(network, event)
  let deployment = loadDeployment(event.params.deploymentId, 'CurationFeesAdded')
  let tokens = event.params.tokens
  deployment.signalledTokens = deployment.signalledTokens.plus(tokens)
  deployment.totalCuratorFeesAdded = deployment.totalCuratorFeesAdded.plus(tokens)
  deployment.save()
  network.totalTokensSignalled = network.totalTokensSignalled.plus(tokens)
  network.save()
}
