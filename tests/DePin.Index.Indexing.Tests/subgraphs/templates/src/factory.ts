import { Address, DataSourceContext, dataSource } from '@graphprotocol/graph-ts'
import { EnergyTraded } from '../generated/EnergyMarket/EnergyMarket'
import { RewardToken } from '../generated/templates'
import { Factory } from '../generated/schema'

export function handleEnergyTraded(event: EnergyTraded): void {
  if (event.params.tradeId.le(dataSource.context().getBigInt('afterTrade')) || Factory.load('factory') != null) {
    return
  }
  let token = dataSource.context().getBytes('token')
  let factory = new Factory('factory')
  factory.token = token
  factory.createdAtBlock = event.block.number
  factory.createdByTrade = event.params.tradeId
  factory.createdAtLogIndex = event.logIndex
  factory.save()

  let context = new DataSourceContext()
  context.setString('createdBy', 'trade ' + event.params.tradeId.toString())
  RewardToken.createWithContext(Address.fromBytes(token), context)
}
