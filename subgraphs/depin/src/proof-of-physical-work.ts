// ProofOfPhysicalWork: devices prove work per epoch; the operator closes epochs.
import { EpochAdvanced, ProofSubmitted } from '../generated/ProofOfPhysicalWork/ProofOfPhysicalWork'
import { BigInt } from '@graphprotocol/graph-ts'
import { Proof } from '../generated/schema'
import {
  eventId,
  getKindStats,
  getNetworkStats,
  getOrCreateEpoch,
  getOrCreateEpochKindStats,
  getOrCreateOwner,
  kindName,
  loadDevice,
} from './helpers'

export function handleProofSubmitted(event: ProofSubmitted): void {
  let stats = getNetworkStats()
  let device = loadDevice(event.params.deviceId, 'ProofSubmitted')
  let owner = getOrCreateOwner(event.params.owner, stats)
  let epoch = getOrCreateEpoch(event.params.epoch)
  let kind = kindName(event.params.kind)
  let work = event.params.workUnits

  let proof = new Proof(eventId(event))
  proof.device = device.id
  proof.owner = owner.id
  proof.epoch = epoch.id
  proof.kind = kind
  proof.workUnits = work
  proof.dataHash = event.params.dataHash
  proof.block = event.block.number
  proof.timestamp = event.block.timestamp
  proof.tx = event.transaction.hash
  proof.save()

  device.proofCount = device.proofCount.plus(BigInt.fromI32(1))
  device.totalWork = device.totalWork.plus(work)
  device.lastProof = proof.id
  device.lastProofEpoch = event.params.epoch
  device.save()

  owner.proofCount = owner.proofCount.plus(BigInt.fromI32(1))
  owner.totalWork = owner.totalWork.plus(work)
  owner.save()

  epoch.proofCount = epoch.proofCount.plus(BigInt.fromI32(1))
  epoch.workUnits = epoch.workUnits.plus(work)
  epoch.save()

  let epochKind = getOrCreateEpochKindStats(event.params.epoch, kind)
  epochKind.proofCount = epochKind.proofCount.plus(BigInt.fromI32(1))
  epochKind.workUnits = epochKind.workUnits.plus(work)
  epochKind.save()

  let kindStats = getKindStats(kind)
  kindStats.proofCount = kindStats.proofCount.plus(BigInt.fromI32(1))
  kindStats.totalWork = kindStats.totalWork.plus(work)
  kindStats.save()

  stats.proofs = stats.proofs.plus(BigInt.fromI32(1))
  stats.totalWork = stats.totalWork.plus(work)
  stats.save()
}

export function handleEpochAdvanced(event: EpochAdvanced): void {
  // An epoch without proofs has no entity yet: create it, closed.
  let closed = getOrCreateEpoch(event.params.closedEpoch)
  closed.closed = true
  closed.totalWork = event.params.totalWork
  closed.closedAt = event.block.timestamp
  closed.closedBlock = event.block.number
  closed.save()

  getOrCreateEpoch(event.params.newEpoch).save()

  let stats = getNetworkStats()
  stats.currentEpoch = event.params.newEpoch
  stats.save()
}
