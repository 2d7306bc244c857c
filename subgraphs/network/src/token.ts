// ProtocolToken: balances of every holder, supply, minted and burned (mints come from 0x0, burns go to 0x0).
import { Address } from '@graphprotocol/graph-ts'
import { Transfer } from '../generated/ProtocolToken/ProtocolToken'
import { getAccount, getNetwork } from './helpers'

export function handleTransfer(event: Transfer): void {
  let network = getNetwork()
  if (network.token === null) {
    network.token = event.address
  }
  let value = event.params.value
  let from = event.params.from
  let to = event.params.to
  if (from.equals(Address.zero())) {
    network.totalSupply = network.totalSupply.plus(value)
    network.totalMinted = network.totalMinted.plus(value)
  } else {
    let sender = getAccount(from)
    sender.balance = sender.balance.minus(value)
    sender.save()
  }
  if (to.equals(Address.zero())) {
    network.totalSupply = network.totalSupply.minus(value)
    network.totalBurned = network.totalBurned.plus(value)
  } else {
    let receiver = getAccount(to)
    receiver.balance = receiver.balance.plus(value)
    receiver.save()
  }
  network.save()
}
