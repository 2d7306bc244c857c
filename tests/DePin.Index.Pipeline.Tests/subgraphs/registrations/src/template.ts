import { BigInt, dataSource, ethereum } from '@graphprotocol/graph-ts'
import { DeviceRegistered, DeviceTransferred } from '../generated/templates/Registry/DeviceRegistry'
import { Seen, Tally } from '../generated/schema'

function record(event: ethereum.Event, name: string, deviceId: BigInt): void {
  let seen = new Seen(event.transaction.hash.concatI32(event.logIndex.toI32()))
  seen.event = name
  seen.deviceId = deviceId
  seen.block = event.block.number
  seen.source = dataSource.address()
  seen.createdAt = dataSource.context().getBigInt('createdAt')
  seen.save()
}

function tally(): Tally {
  let tally = Tally.load('tally')
  if (tally == null) {
    tally = new Tally('tally')
    tally.registrations = 0
    tally.transfers = 0
  }
  return tally
}

export function handleRegistered(event: DeviceRegistered): void {
  record(event, 'DeviceRegistered', event.params.deviceId)
  let t = tally()
  t.registrations = t.registrations + 1
  t.save()
}

export function handleTransferred(event: DeviceTransferred): void {
  record(event, 'DeviceTransferred', event.params.deviceId)
  let t = tally()
  t.transfers = t.transfers + 1
  t.save()
}
