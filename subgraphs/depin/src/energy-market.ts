// EnergyMarket: a buyer pays an Energy device's owner for energy delivered. The token payment's
// Transfer(buyer, seller, amount) comes just before EnergyTraded and moves the token balances
// (RewardToken data source); this handler records the trade and the energy totals.
import { EnergyTraded } from '../generated/EnergyMarket/EnergyMarket'
import { EnergyTrade } from '../generated/schema'
import { getNetworkStats, getOrCreateOwner, loadDevice } from './helpers'

export function handleEnergyTraded(event: EnergyTraded): void {
  let stats = getNetworkStats()
  let device = loadDevice(event.params.sellerDeviceId, 'EnergyTraded')
  let energyWh = event.params.energyWh
  let amount = event.params.amount

  let trade = new EnergyTrade(event.params.tradeId.toString())
  trade.tradeId = event.params.tradeId
  trade.sellerDevice = device.id
  trade.seller = event.params.seller
  trade.buyer = event.params.buyer
  trade.energyWh = energyWh
  trade.pricePerKWh = event.params.pricePerKWh
  trade.amount = amount
  trade.block = event.block.number
  trade.timestamp = event.block.timestamp
  trade.tx = event.transaction.hash
  trade.save()

  // The market rejects buyer == seller (SelfTrade), so these are two different accounts.
  let seller = getOrCreateOwner(event.params.seller, stats)
  seller.energySoldWh = seller.energySoldWh.plus(energyWh)
  seller.energyEarned = seller.energyEarned.plus(amount)
  seller.save()

  let buyer = getOrCreateOwner(event.params.buyer, stats)
  buyer.energyBoughtWh = buyer.energyBoughtWh.plus(energyWh)
  buyer.energySpent = buyer.energySpent.plus(amount)
  buyer.save()

  stats.trades = stats.trades + 1
  stats.energyWh = stats.energyWh.plus(energyWh)
  stats.energyVolume = stats.energyVolume.plus(amount)
  stats.save()
}
