// RewardToken (ERC-20): token balances of accounts and the token supply. Rewards are minted
// (from = 0x0); energy payments are ordinary transfers.
import { Address } from '@graphprotocol/graph-ts'
import { Transfer } from '../generated/RewardToken/RewardToken'
import { getNetworkStats, getOrCreateOwner } from './helpers'

export function handleTransfer(event: Transfer): void {
  let stats = getNetworkStats()
  let value = event.params.value
  let from = event.params.from
  let to = event.params.to

  if (from.equals(Address.zero())) {
    stats.tokenSupply = stats.tokenSupply.plus(value)
  } else {
    let sender = getOrCreateOwner(from, stats)
    sender.tokenBalance = sender.tokenBalance.minus(value)
    sender.save()
  }

  if (to.equals(Address.zero())) {
    stats.tokenSupply = stats.tokenSupply.minus(value)
  } else {
    // Loaded after the sender was saved, so a transfer to oneself nets out.
    let receiver = getOrCreateOwner(to, stats)
    receiver.tokenBalance = receiver.tokenBalance.plus(value)
    receiver.save()
  }

  stats.save()
}
