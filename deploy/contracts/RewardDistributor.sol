// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {RewardToken} from "./RewardToken.sol";
import {DeviceRegistry} from "./DeviceRegistry.sol";
import {ProofOfPhysicalWork} from "./ProofOfPhysicalWork.sol";

/// @title RewardDistributor
/// @notice Pays each closed epoch's `rewardPerEpoch` to the devices that proved work in it, pro rata:
///         `amount = rewardPerEpoch * workOf(epoch, id) / totalWorkOf(epoch)` (rounded down), minted to the
///         device's current owner (also when the device was transferred or deactivated after its proof).
///         The operator may pay one epoch in several chunks; each (device, epoch) is paid at most once.
///         Log order per device: the token's Transfer(0x0, owner, amount), then RewardPaid.
contract RewardDistributor {
    RewardToken public immutable token;
    DeviceRegistry public immutable registry;
    ProofOfPhysicalWork public immutable proofs;
    uint256 public immutable rewardPerEpoch;
    address public immutable operator;

    mapping(uint64 => mapping(uint256 => bool)) public isPaid;

    event RewardPaid(
        uint256 indexed deviceId,
        address indexed owner,
        uint64 indexed epoch,
        uint256 amount,
        uint256 workUnits
    );

    error EpochNotClosed(uint64 epoch);
    error NoWork(uint256 deviceId, uint64 epoch);
    error RewardAlreadyPaid(uint256 deviceId, uint64 epoch);
    error NotOperator(address caller);

    constructor(RewardToken token_, DeviceRegistry registry_, ProofOfPhysicalWork proofs_, uint256 rewardPerEpoch_) {
        token = token_;
        registry = registry_;
        proofs = proofs_;
        rewardPerEpoch = rewardPerEpoch_;
        operator = msg.sender;
    }

    /// @notice Pays `epoch`'s rewards to `deviceIds`; any device without work or already paid reverts the call.
    function distribute(uint64 epoch, uint256[] calldata deviceIds) external {
        if (msg.sender != operator) revert NotOperator(msg.sender);
        if (epoch == 0 || epoch >= proofs.currentEpoch()) revert EpochNotClosed(epoch);
        uint256 totalWork = proofs.totalWorkOf(epoch);
        uint256 reward = rewardPerEpoch;
        mapping(uint256 => bool) storage paid = isPaid[epoch];
        uint256 n = deviceIds.length;
        for (uint256 i; i < n; ) {
            uint256 id = deviceIds[i];
            uint256 work = proofs.workOf(epoch, id);
            if (work == 0) revert NoWork(id, epoch);
            if (paid[id]) revert RewardAlreadyPaid(id, epoch);
            paid[id] = true;
            // totalWork >= work > 0 here
            uint256 amount = (reward * work) / totalWork;
            address owner = registry.ownerOf(id);
            token.mint(owner, amount);
            emit RewardPaid(id, owner, epoch, amount, work);
            unchecked {
                ++i;
            }
        }
    }

    /// @notice The amount `distribute` pays (or paid) a device for an epoch; 0 without work.
    function rewardOf(uint64 epoch, uint256 deviceId) external view returns (uint256) {
        uint256 work = proofs.workOf(epoch, deviceId);
        if (work == 0) return 0;
        return (rewardPerEpoch * work) / proofs.totalWorkOf(epoch);
    }
}
