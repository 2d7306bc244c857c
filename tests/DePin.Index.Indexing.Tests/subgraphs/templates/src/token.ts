import { dataSource } from '@graphprotocol/graph-ts'
import { Transfer } from '../generated/templates/RewardToken/RewardToken'
import { TokenTransfer } from '../generated/schema'

export function handleTransfer(event: Transfer): void {
  let transfer = new TokenTransfer(event.transaction.hash.concatI32(event.logIndex.toI32()))
  transfer.from = event.params.from
  transfer.to = event.params.to
  transfer.value = event.params.value
  transfer.block = event.block.number
  transfer.logIndex = event.logIndex
  transfer.source = dataSource.address()
  transfer.createdBy = dataSource.context().getString('createdBy')
  transfer.save()
}
