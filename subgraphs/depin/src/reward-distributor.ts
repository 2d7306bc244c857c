// RewardDistributor: per closed epoch, each device with work is paid once, to its current owner.
// The mint's Transfer(0x0, owner, amount) comes just before RewardPaid and is counted by the
// RewardToken data source (token balances and supply).
import { BigInt } from '@graphprotocol/graph-ts'
import { RewardPaid } from '../generated/RewardDistributor/RewardDistributor'
import { Reward } from '../generated/schema'
import {
  eventId,
  getKindStats,
  getNetworkStats,
  getOrCreateEpoch,
  getOrCreateEpochKindStats,
  getOrCreateOwner,
  loadDevice,
} from './helpers'

export function handleRewardPaid(event: RewardPaid): void {
  let stats = getNetworkStats()
  let device = loadDevice(event.params.deviceId, 'RewardPaid')
  let owner = getOrCreateOwner(event.params.owner, stats)
  let epoch = getOrCreateEpoch(event.params.epoch)
  let amount = event.params.amount

  let reward = new Reward(eventId(event))
  reward.device = device.id
  reward.owner = owner.id
  reward.epoch = epoch.id
  reward.kind = device.kind
  reward.amount = amount
  reward.workUnits = event.params.workUnits
  reward.block = event.block.number
  reward.timestamp = event.block.timestamp
  reward.tx = event.transaction.hash
  reward.save()

  device.totalRewards = device.totalRewards.plus(amount)
  device.save()

  owner.totalRewards = owner.totalRewards.plus(amount)
  owner.save()

  // A paid device counts even when its share rounds down to 0 tokens.
  epoch.totalRewards = epoch.totalRewards.plus(amount)
  epoch.devicesPaid = epoch.devicesPaid + 1
  epoch.save()

  let epochKind = getOrCreateEpochKindStats(event.params.epoch, device.kind)
  epochKind.totalRewards = epochKind.totalRewards.plus(amount)
  epochKind.devicesPaid = epochKind.devicesPaid + 1
  epochKind.save()

  let kindStats = getKindStats(device.kind)
  kindStats.rewardCount = kindStats.rewardCount.plus(BigInt.fromI32(1))
  kindStats.totalRewards = kindStats.totalRewards.plus(amount)
  kindStats.save()

  stats.rewardCount = stats.rewardCount.plus(BigInt.fromI32(1))
  stats.totalRewards = stats.totalRewards.plus(amount)
  stats.save()
}
