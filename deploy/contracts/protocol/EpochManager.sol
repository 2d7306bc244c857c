// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title EpochManager
/// @notice Epochs of a fixed number of blocks counted from the deployment block: epoch 0 starts there.
///         Nothing to run per epoch: `currentEpoch()` is computed from `block.number`.
contract EpochManager {
    uint256 public immutable epochLength;
    uint256 public immutable startBlock;

    event EpochManagerStarted(uint256 startBlock, uint256 epochLength);

    error ZeroEpochLength();

    constructor(uint256 lengthInBlocks) {
        if (lengthInBlocks == 0) revert ZeroEpochLength();
        epochLength = lengthInBlocks;
        startBlock = block.number;
        emit EpochManagerStarted(block.number, lengthInBlocks);
    }

    function currentEpoch() public view returns (uint256) {
        return (block.number - startBlock) / epochLength;
    }

    /// @notice The first block of `epoch`.
    function epochStartBlock(uint256 epoch) public view returns (uint256) {
        return startBlock + epoch * epochLength;
    }

    /// @notice Blocks from now to the first block of the next epoch (1 … epochLength).
    function blocksUntilNextEpoch() external view returns (uint256) {
        return epochStartBlock(currentEpoch() + 1) - block.number;
    }
}
