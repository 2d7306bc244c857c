// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice What the protocol contracts need of each other (see docs/protocol-spec.md).
interface IProtocolToken {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function approve(address spender, uint256 amount) external returns (bool);
    function burn(uint256 amount) external;
}

interface IEpochManager {
    function currentEpoch() external view returns (uint256);
}

interface ISubgraphRegistry {
    function isPublished(bytes32 deploymentId) external view returns (bool);
    function isDeprecated(bytes32 deploymentId) external view returns (bool);
}

interface ICuration {
    function isCurated(bytes32 deploymentId) external view returns (bool);
    function addFees(bytes32 deploymentId, uint256 tokens) external;
}

interface IStaking {
    function isIndexer(address indexer) external view returns (bool);
    function queryFeeCut(address indexer) external view returns (uint32);
    function hasDelegators(address indexer) external view returns (bool);
    function addDelegationFees(address indexer, uint256 tokens) external;
}
