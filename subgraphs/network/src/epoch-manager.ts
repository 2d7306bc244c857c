// EpochManager: its one event (from the constructor) gives the epoch start block and length every other
// handler computes epochs with.
import { EpochManagerStarted } from '../generated/EpochManager/EpochManager'
import { getNetwork } from './helpers'

export function handleEpochManagerStarted(event: EpochManagerStarted): void {
  let network = getNetwork()
  network.epochManager = event.address
  network.epochStartBlock = event.params.startBlock
  network.epochLength = event.params.epochLength
  network.save()
}
