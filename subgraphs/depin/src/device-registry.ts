// DeviceRegistry: devices are registered, transferred between owners and deactivated.
import {
  DeviceDeactivated,
  DeviceRegistered,
  DeviceTransferred,
} from '../generated/DeviceRegistry/DeviceRegistry'
import { Device, DeviceTransfer } from '../generated/schema'
import { BigInt } from '@graphprotocol/graph-ts'
import { eventId, getKindStats, getNetworkStats, getOrCreateOwner, kindName, loadDevice } from './helpers'

export function handleDeviceRegistered(event: DeviceRegistered): void {
  let stats = getNetworkStats()
  let owner = getOrCreateOwner(event.params.owner, stats)
  let kind = kindName(event.params.kind)

  let device = new Device(event.params.deviceId.toString())
  device.deviceId = event.params.deviceId
  device.owner = owner.id
  device.deviceKey = event.params.deviceKey
  device.kind = kind
  device.latitudeE6 = event.params.latitudeE6
  device.longitudeE6 = event.params.longitudeE6
  device.metadataURI = event.params.metadataURI
  device.active = true
  device.registeredAt = event.block.timestamp
  device.registeredBlock = event.block.number
  device.registeredTx = event.transaction.hash
  device.proofCount = BigInt.zero()
  device.totalWork = BigInt.zero()
  device.totalRewards = BigInt.zero()
  device.transferCount = 0
  device.save()

  owner.deviceCount = owner.deviceCount + 1
  owner.activeDeviceCount = owner.activeDeviceCount + 1
  owner.save()

  let kindStats = getKindStats(kind)
  kindStats.devices = kindStats.devices + 1
  kindStats.activeDevices = kindStats.activeDevices + 1
  kindStats.save()

  stats.devices = stats.devices + 1
  stats.activeDevices = stats.activeDevices + 1
  stats.save()
}

export function handleDeviceTransferred(event: DeviceTransferred): void {
  let stats = getNetworkStats()
  let device = loadDevice(event.params.deviceId, 'DeviceTransferred')
  // Only active devices can be transferred, so both counters move.
  let from = getOrCreateOwner(event.params.from, stats)
  from.deviceCount = from.deviceCount - 1
  from.activeDeviceCount = from.activeDeviceCount - 1
  from.save()
  // `to` is loaded after `from` was saved, so a transfer to oneself nets out correctly.
  let to = getOrCreateOwner(event.params.to, stats)
  to.deviceCount = to.deviceCount + 1
  to.activeDeviceCount = to.activeDeviceCount + 1
  to.save()

  device.owner = to.id
  device.transferCount = device.transferCount + 1
  device.save()

  let transfer = new DeviceTransfer(eventId(event))
  transfer.device = device.id
  transfer.from = from.id
  transfer.to = to.id
  transfer.block = event.block.number
  transfer.timestamp = event.block.timestamp
  transfer.tx = event.transaction.hash
  transfer.save()

  stats.transfers = stats.transfers + 1
  stats.save()
}

export function handleDeviceDeactivated(event: DeviceDeactivated): void {
  let device = loadDevice(event.params.deviceId, 'DeviceDeactivated')
  // The registry reverts DeviceInactive for a second deactivation; the guard keeps counts exact anyway.
  if (!device.active) return
  device.active = false
  device.deactivatedAt = event.block.timestamp
  device.save()

  let stats = getNetworkStats()
  let owner = getOrCreateOwner(event.params.owner, stats)
  owner.activeDeviceCount = owner.activeDeviceCount - 1
  owner.save()

  let kindStats = getKindStats(device.kind)
  kindStats.activeDevices = kindStats.activeDevices - 1
  kindStats.save()

  stats.activeDevices = stats.activeDevices - 1
  stats.save()
}
