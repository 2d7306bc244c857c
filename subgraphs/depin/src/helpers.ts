// Shared helpers of the DePIN mappings: entity loaders that create what is missing with zeroed
// totals, the device-kind names and event ids.
//
// Pattern used by every handler: load the singleton NetworkStats once, pass it to the helpers
// that need to count (e.g. a new account), change it, and save it once at the end. Loading an
// entity twice in one handler gives two independent copies, and the second save would silently
// overwrite the first one's changes.
import { Address, BigInt, Bytes, ethereum } from '@graphprotocol/graph-ts'
import { Device, Epoch, EpochKindStats, KindStats, NetworkStats, Owner } from '../generated/schema'

export const NETWORK_ID = 'network'

// The contracts' `uint8 kind`, in order (docs/contracts-spec.md); values of the DeviceKind enum.
const KIND_NAMES: string[] = ['Wireless', 'Storage', 'Compute', 'Energy', 'Mapping', 'Sensor']

/** The DeviceKind enum value of a contract `kind`. The registry rejects other values. */
export function kindName(kind: i32): string {
  if (kind < 0 || kind >= KIND_NAMES.length) {
    throw new Error('unknown device kind ' + kind.toString())
  }
  return KIND_NAMES[kind]
}

/** The usual id of an entity made from one log: transaction hash + log index. */
export function eventId(event: ethereum.Event): Bytes {
  return event.transaction.hash.concatI32(event.logIndex.toI32())
}

export function getNetworkStats(): NetworkStats {
  let stats = NetworkStats.load(NETWORK_ID)
  if (stats == null) {
    stats = new NetworkStats(NETWORK_ID)
    stats.devices = 0
    stats.activeDevices = 0
    stats.accounts = 0
    stats.proofs = BigInt.zero()
    stats.totalWork = BigInt.zero()
    stats.rewardCount = BigInt.zero()
    stats.totalRewards = BigInt.zero()
    stats.transfers = 0
    stats.trades = 0
    stats.energyWh = BigInt.zero()
    stats.energyVolume = BigInt.zero()
    stats.tokenSupply = BigInt.zero()
    // ProofOfPhysicalWork starts at epoch 1.
    stats.currentEpoch = BigInt.fromI32(1)
  }
  return stats
}

/** The account's Owner; a new one is counted in `stats.accounts` (the caller saves both). */
export function getOrCreateOwner(address: Address, stats: NetworkStats): Owner {
  let owner = Owner.load(address)
  if (owner == null) {
    owner = new Owner(address)
    owner.deviceCount = 0
    owner.activeDeviceCount = 0
    owner.proofCount = BigInt.zero()
    owner.totalWork = BigInt.zero()
    owner.totalRewards = BigInt.zero()
    owner.tokenBalance = BigInt.zero()
    owner.energySoldWh = BigInt.zero()
    owner.energyBoughtWh = BigInt.zero()
    owner.energyEarned = BigInt.zero()
    owner.energySpent = BigInt.zero()
    stats.accounts = stats.accounts + 1
  }
  return owner
}

/**
 * A registered device. Every device id in the other contracts' events comes from a
 * DeviceRegistered the subgraph has indexed (the registry is deployed first), so a missing one
 * means a broken manifest (startBlock too late): fail the subgraph rather than count wrongly.
 */
export function loadDevice(deviceId: BigInt, eventName: string): Device {
  let device = Device.load(deviceId.toString())
  if (device == null) {
    throw new Error(eventName + ' for unknown device ' + deviceId.toString())
  }
  return device
}

export function getKindStats(kind: string): KindStats {
  let stats = KindStats.load(kind)
  if (stats == null) {
    stats = new KindStats(kind)
    stats.network = NETWORK_ID
    stats.kind = kind
    stats.devices = 0
    stats.activeDevices = 0
    stats.proofCount = BigInt.zero()
    stats.totalWork = BigInt.zero()
    stats.rewardCount = BigInt.zero()
    stats.totalRewards = BigInt.zero()
  }
  return stats
}

export function getOrCreateEpoch(number: BigInt): Epoch {
  let epoch = Epoch.load(number.toString())
  if (epoch == null) {
    epoch = new Epoch(number.toString())
    epoch.number = number
    epoch.closed = false
    epoch.proofCount = BigInt.zero()
    epoch.workUnits = BigInt.zero()
    epoch.totalRewards = BigInt.zero()
    epoch.devicesPaid = 0
  }
  return epoch
}

export function getOrCreateEpochKindStats(epoch: BigInt, kind: string): EpochKindStats {
  let id = epoch.toString() + '-' + kind
  let stats = EpochKindStats.load(id)
  if (stats == null) {
    stats = new EpochKindStats(id)
    stats.epoch = epoch.toString()
    stats.kind = kind
    stats.proofCount = BigInt.zero()
    stats.workUnits = BigInt.zero()
    stats.totalRewards = BigInt.zero()
    stats.devicesPaid = 0
  }
  return stats
}
