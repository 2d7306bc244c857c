// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {DeviceRegistry} from "./DeviceRegistry.sol";

/// @title ProofOfPhysicalWork
/// @notice Devices report work per epoch, signed by their own key; anyone may relay the signed proof.
///         The device key signs, EIP-191 style (`personal_sign` / `eth_sign`), the 32-byte message
///         `proofMessageHash(...) = keccak256(abi.encode(address(this), block.chainid, deviceId, epoch, workUnits, dataHash))`.
///         Signatures are 65 bytes r‖s‖v with v ∈ {27, 28} and s in the lower half of the curve order.
contract ProofOfPhysicalWork {
    /// @dev secp256k1 order / 2: a larger s is the malleable twin of a valid signature.
    uint256 private constant HALF_ORDER = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    struct ProofInput {
        uint256 deviceId;
        uint64 epoch;
        uint256 workUnits;
        bytes32 dataHash;
        bytes signature;
    }

    DeviceRegistry public immutable registry;
    address public immutable operator;
    uint64 public currentEpoch = 1;

    mapping(uint64 => mapping(uint256 => uint256)) public workOf;
    mapping(uint64 => uint256) public totalWorkOf;

    event ProofSubmitted(
        uint256 indexed deviceId,
        address indexed owner,
        uint64 indexed epoch,
        uint8 kind,
        uint256 workUnits,
        bytes32 dataHash
    );
    event EpochAdvanced(uint64 indexed closedEpoch, uint64 indexed newEpoch, uint256 totalWork);

    error UnknownDevice(uint256 deviceId);
    error DeviceInactive(uint256 deviceId);
    error WrongEpoch(uint64 given, uint64 current);
    error ZeroWork();
    error ProofAlreadySubmitted(uint256 deviceId, uint64 epoch);
    error InvalidSignature(uint256 deviceId, address recovered);
    error NotOperator(address caller);

    constructor(DeviceRegistry registry_) {
        registry = registry_;
        operator = msg.sender;
    }

    /// @notice Closes the current epoch (no more proofs for it) and opens the next one.
    function advanceEpoch() external {
        if (msg.sender != operator) revert NotOperator(msg.sender);
        uint64 closed = currentEpoch;
        uint64 next = closed + 1;
        currentEpoch = next;
        emit EpochAdvanced(closed, next, totalWorkOf[closed]);
    }

    function submitProof(
        uint256 deviceId,
        uint64 epoch,
        uint256 workUnits,
        bytes32 dataHash,
        bytes calldata signature
    ) external {
        uint64 current = currentEpoch;
        _submit(deviceId, epoch, workUnits, dataHash, signature, current);
        totalWorkOf[current] += workUnits;
    }

    /// @notice Submits several proofs at once; any invalid proof reverts the whole batch.
    function submitProofs(ProofInput[] calldata proofs) external {
        uint64 current = currentEpoch;
        uint256 total;
        uint256 n = proofs.length;
        for (uint256 i; i < n; ) {
            ProofInput calldata p = proofs[i];
            _submit(p.deviceId, p.epoch, p.workUnits, p.dataHash, p.signature, current);
            total += p.workUnits;
            unchecked {
                ++i;
            }
        }
        totalWorkOf[current] += total;
    }

    /// @notice The 32-byte message a device signs (before the EIP-191 prefix) for this contract and chain.
    function proofMessageHash(uint256 deviceId, uint64 epoch, uint256 workUnits, bytes32 dataHash)
        public
        view
        returns (bytes32)
    {
        return keccak256(abi.encode(address(this), block.chainid, deviceId, epoch, workUnits, dataHash));
    }

    function _submit(
        uint256 deviceId,
        uint64 epoch,
        uint256 workUnits,
        bytes32 dataHash,
        bytes calldata signature,
        uint64 current
    ) private {
        (address owner, address deviceKey, uint8 kind, bool active) = registry.deviceInfo(deviceId);
        if (owner == address(0)) revert UnknownDevice(deviceId);
        if (!active) revert DeviceInactive(deviceId);
        if (epoch != current) revert WrongEpoch(epoch, current);
        if (workUnits == 0) revert ZeroWork();
        mapping(uint256 => uint256) storage work = workOf[epoch];
        if (work[deviceId] != 0) revert ProofAlreadySubmitted(deviceId, epoch);

        address signer = _recover(proofMessageHash(deviceId, epoch, workUnits, dataHash), signature);
        if (signer == address(0) || signer != deviceKey) revert InvalidSignature(deviceId, signer);

        work[deviceId] = workUnits;
        emit ProofSubmitted(deviceId, owner, epoch, kind, workUnits, dataHash);
    }

    /// @dev Returns the zero address for any malformed signature (length, v, high s) or failed recovery.
    function _recover(bytes32 message, bytes calldata signature) private pure returns (address) {
        if (signature.length != 65) return address(0);
        bytes32 r;
        uint256 s;
        uint8 v;
        assembly ("memory-safe") {
            r := calldataload(signature.offset)
            s := calldataload(add(signature.offset, 32))
            v := byte(0, calldataload(add(signature.offset, 64)))
        }
        if (s > HALF_ORDER || (v != 27 && v != 28)) return address(0);
        bytes32 digest = keccak256(abi.encodePacked("\x19Ethereum Signed Message:\n32", message));
        return ecrecover(digest, v, r, bytes32(s));
    }
}
