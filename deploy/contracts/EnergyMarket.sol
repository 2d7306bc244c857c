// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {RewardToken} from "./RewardToken.sol";
import {DeviceRegistry} from "./DeviceRegistry.sol";

/// @title EnergyMarket
/// @notice Peer-to-peer energy trades: the caller (buyer) pays an active Energy device's owner
///         `amount = energyWh * pricePerKWh / 1000` tokens (rounded down) through `transferFrom`, so the
///         buyer approves this market on the token first. Trade ids start at 1.
///         Log order per trade: the token's Transfer(buyer, seller, amount), then EnergyTraded.
contract EnergyMarket {
    uint8 public constant ENERGY_KIND = 3;

    RewardToken public immutable token;
    DeviceRegistry public immutable registry;
    uint256 public tradeCount;

    event EnergyTraded(
        uint256 indexed tradeId,
        uint256 indexed sellerDeviceId,
        address indexed buyer,
        address seller,
        uint256 energyWh,
        uint256 pricePerKWh,
        uint256 amount
    );

    error UnknownDevice(uint256 deviceId);
    error DeviceInactive(uint256 deviceId);
    error NotEnergyDevice(uint256 deviceId, uint8 kind);
    error ZeroEnergy();
    error SelfTrade(address account);

    constructor(RewardToken token_, DeviceRegistry registry_) {
        token = token_;
        registry = registry_;
    }

    function settleTrade(uint256 sellerDeviceId, uint256 energyWh, uint256 pricePerKWh)
        external
        returns (uint256 tradeId)
    {
        (address seller, , uint8 kind, bool active) = registry.deviceInfo(sellerDeviceId);
        if (seller == address(0)) revert UnknownDevice(sellerDeviceId);
        if (!active) revert DeviceInactive(sellerDeviceId);
        if (kind != ENERGY_KIND) revert NotEnergyDevice(sellerDeviceId, kind);
        if (energyWh == 0) revert ZeroEnergy();
        if (seller == msg.sender) revert SelfTrade(msg.sender);

        uint256 amount = (energyWh * pricePerKWh) / 1000;
        tradeId = ++tradeCount;
        token.transferFrom(msg.sender, seller, amount);
        emit EnergyTraded(tradeId, sellerDeviceId, msg.sender, seller, energyWh, pricePerKWh, amount);
    }
}
