// SubgraphRegistry: deployments published (id, CIDv0, publisher, metadata) and deprecated.
import { Bytes } from '@graphprotocol/graph-ts'
import { DeploymentDeprecated, DeploymentPublished } from '../generated/SubgraphRegistry/SubgraphRegistry'
import { SubgraphDeployment } from '../generated/schema'
import { getNetwork, loadDeployment, zero } from './helpers'

export function handleDeploymentPublished(event: DeploymentPublished): void {
  let network = getNetwork()
  network.subgraphRegistry = event.address
  let id: Bytes = event.params.deploymentId
  let deployment = new SubgraphDeployment(id)
  // CIDv0: base58 of the sha2-256 multihash (0x12 0x20 ‖ digest).
  deployment.ipfsHash = Bytes.fromHexString('0x1220').concat(id).toBase58()
  deployment.publisher = event.params.publisher
  deployment.metadata = event.params.metadata
  deployment.publishedAt = event.block.timestamp
  deployment.publishedAtBlock = event.block.number
  deployment.deprecated = false
  deployment.signalledTokens = zero()
  deployment.signalAmount = zero()
  deployment.activeSignalCount = 0
  deployment.totalCurationTax = zero()
  deployment.totalCuratorFeesAdded = zero()
  deployment.allocatedTokens = zero()
  deployment.allocationCount = 0
  deployment.activeAllocationCount = 0
  deployment.totalQueryFees = zero()
  deployment.totalProtocolTax = zero()
  deployment.totalCuratorFees = zero()
  deployment.totalIndexerFees = zero()
  deployment.totalDelegatorFees = zero()
  deployment.save()
  network.deploymentCount = network.deploymentCount + 1
  network.activeDeploymentCount = network.activeDeploymentCount + 1
  network.save()
}

export function handleDeploymentDeprecated(event: DeploymentDeprecated): void {
  let network = getNetwork()
  let deployment = loadDeployment(event.params.deploymentId, 'DeploymentDeprecated')
  deployment.deprecated = true
  deployment.deprecatedAt = event.block.timestamp
  deployment.save()
  network.activeDeploymentCount = network.activeDeploymentCount - 1
  network.save()
}

