import { DataSourceContext } from '@graphprotocol/graph-ts'
import { DeviceRegistered } from '../generated/DeviceRegistry/DeviceRegistry'
import { Registry } from '../generated/templates'
import { Creation } from '../generated/schema'

export function handleDeviceRegistered(event: DeviceRegistered): void {
  if (Creation.load('registry') != null) {
    return
  }
  let creation = new Creation('registry')
  creation.block = event.block.number
  creation.logIndex = event.logIndex
  creation.save()

  let context = new DataSourceContext()
  context.setBigInt('createdAt', event.block.number)
  Registry.createWithContext(event.address, context)
}
