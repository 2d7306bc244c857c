// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title DeviceRegistry
/// @notice Physical devices registered by their owners. Each device has its own key (the address whose
///         private key lives in the device and signs its proofs), a kind and a location. Ids start at 1.
///         A device key stays bound to its device for good, also after deactivation.
contract DeviceRegistry {
    /// @dev Kinds: 0 Wireless, 1 Storage, 2 Compute, 3 Energy, 4 Mapping, 5 Sensor.
    uint8 public constant MAX_KIND = 5;

    struct DeviceInput {
        address deviceKey;
        uint8 kind;
        int32 latitudeE6;
        int32 longitudeE6;
        string metadataURI;
    }

    /// @dev Two slots: owner|kind|active, and key|latitude|longitude.
    struct Device {
        address owner;
        uint8 kind;
        bool active;
        address key;
        int32 latitudeE6;
        int32 longitudeE6;
    }

    uint256 public deviceCount;
    mapping(uint256 => Device) private _devices;
    mapping(address => uint256) public deviceOfKey;

    event DeviceRegistered(
        uint256 indexed deviceId,
        address indexed owner,
        address indexed deviceKey,
        uint8 kind,
        int32 latitudeE6,
        int32 longitudeE6,
        string metadataURI
    );
    event DeviceTransferred(uint256 indexed deviceId, address indexed from, address indexed to);
    event DeviceDeactivated(uint256 indexed deviceId, address indexed owner);

    error ZeroAddress();
    error InvalidKind(uint8 kind);
    error DeviceKeyInUse(address deviceKey);
    error UnknownDevice(uint256 deviceId);
    error NotDeviceOwner(uint256 deviceId, address caller);
    error DeviceInactive(uint256 deviceId);

    function register(
        address deviceKey,
        uint8 kind,
        int32 latitudeE6,
        int32 longitudeE6,
        string calldata metadataURI
    ) external returns (uint256 deviceId) {
        deviceId = deviceCount + 1;
        _register(deviceId, deviceKey, kind, latitudeE6, longitudeE6, metadataURI);
        deviceCount = deviceId;
    }

    /// @notice Registers several devices for the caller; ids are consecutive from the returned `firstId`.
    ///         An empty batch registers nothing and returns the id the next device would get.
    function registerBatch(DeviceInput[] calldata devices) external returns (uint256 firstId) {
        uint256 count = deviceCount;
        firstId = count + 1;
        uint256 n = devices.length;
        for (uint256 i; i < n; ) {
            DeviceInput calldata d = devices[i];
            unchecked {
                ++count;
                ++i;
            }
            _register(count, d.deviceKey, d.kind, d.latitudeE6, d.longitudeE6, d.metadataURI);
        }
        deviceCount = count;
    }

    /// @notice Moves an active device to a new owner; its key and history stay.
    function transfer(uint256 deviceId, address to) external {
        Device storage d = _ownedActive(deviceId);
        if (to == address(0)) revert ZeroAddress();
        d.owner = to;
        emit DeviceTransferred(deviceId, msg.sender, to);
    }

    /// @notice Deactivates a device for good: it can no longer submit proofs, be transferred or sell energy.
    function deactivate(uint256 deviceId) external {
        Device storage d = _ownedActive(deviceId);
        d.active = false;
        emit DeviceDeactivated(deviceId, msg.sender);
    }

    function ownerOf(uint256 deviceId) external view returns (address) {
        return _known(deviceId).owner;
    }

    function keyOf(uint256 deviceId) external view returns (address) {
        return _known(deviceId).key;
    }

    function kindOf(uint256 deviceId) external view returns (uint8) {
        return _known(deviceId).kind;
    }

    function isActive(uint256 deviceId) external view returns (bool) {
        return _known(deviceId).active;
    }

    function locationOf(uint256 deviceId) external view returns (int32 latitudeE6, int32 longitudeE6) {
        Device storage d = _known(deviceId);
        return (d.latitudeE6, d.longitudeE6);
    }

    /// @notice Everything other contracts need in one call; owner is the zero address for an unknown id
    ///         (no revert), since a registered device never has a zero owner.
    function deviceInfo(uint256 deviceId)
        external
        view
        returns (address owner, address deviceKey, uint8 kind, bool active)
    {
        Device storage d = _devices[deviceId];
        return (d.owner, d.key, d.kind, d.active);
    }

    function _register(
        uint256 deviceId,
        address deviceKey,
        uint8 kind,
        int32 latitudeE6,
        int32 longitudeE6,
        string calldata metadataURI
    ) private {
        if (deviceKey == address(0)) revert ZeroAddress();
        if (kind > MAX_KIND) revert InvalidKind(kind);
        if (deviceOfKey[deviceKey] != 0) revert DeviceKeyInUse(deviceKey);
        deviceOfKey[deviceKey] = deviceId;
        _devices[deviceId] = Device(msg.sender, kind, true, deviceKey, latitudeE6, longitudeE6);
        emit DeviceRegistered(deviceId, msg.sender, deviceKey, kind, latitudeE6, longitudeE6, metadataURI);
    }

    function _known(uint256 deviceId) private view returns (Device storage d) {
        d = _devices[deviceId];
        if (d.owner == address(0)) revert UnknownDevice(deviceId);
    }

    function _ownedActive(uint256 deviceId) private view returns (Device storage d) {
        d = _known(deviceId);
        if (d.owner != msg.sender) revert NotDeviceOwner(deviceId, msg.sender);
        if (!d.active) revert DeviceInactive(deviceId);
    }
}
