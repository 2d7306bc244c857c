// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title SubgraphRegistry
/// @notice Subgraph deployments by id (bytes32: the sha256 digest inside the deployment's CIDv0, i.e. the
///         "Qm…" hash without its 0x1220 multihash prefix) with free-form metadata (≤ 1024 bytes, e.g. JSON).
///         The publisher may deprecate a deployment: no new signal or allocation, fees still redeemable.
contract SubgraphRegistry {
    uint256 public constant MAX_METADATA_LENGTH = 1024;

    struct Deployment {
        address publisher;
        uint64 publishedAtBlock;
        bool deprecated;
        string metadata;
    }

    mapping(bytes32 => Deployment) public deployments;
    uint256 public deploymentCount;

    event DeploymentPublished(bytes32 indexed deploymentId, address indexed publisher, string metadata);
    event DeploymentDeprecated(bytes32 indexed deploymentId, address indexed publisher);

    error ZeroDeploymentId();
    error MetadataTooLong(uint256 length, uint256 maximum);
    error AlreadyPublished(bytes32 deploymentId, address publisher);
    error DeploymentNotFound(bytes32 deploymentId);
    error NotPublisher(bytes32 deploymentId, address caller, address publisher);
    error DeploymentIsDeprecated(bytes32 deploymentId);

    function publish(bytes32 deploymentId, string calldata metadata) external {
        if (deploymentId == bytes32(0)) revert ZeroDeploymentId();
        if (bytes(metadata).length > MAX_METADATA_LENGTH) revert MetadataTooLong(bytes(metadata).length, MAX_METADATA_LENGTH);
        Deployment storage d = deployments[deploymentId];
        if (d.publisher != address(0)) revert AlreadyPublished(deploymentId, d.publisher);
        d.publisher = msg.sender;
        d.publishedAtBlock = uint64(block.number);
        d.metadata = metadata;
        deploymentCount += 1;
        emit DeploymentPublished(deploymentId, msg.sender, metadata);
    }

    function deprecate(bytes32 deploymentId) external {
        Deployment storage d = deployments[deploymentId];
        if (d.publisher == address(0)) revert DeploymentNotFound(deploymentId);
        if (d.publisher != msg.sender) revert NotPublisher(deploymentId, msg.sender, d.publisher);
        if (d.deprecated) revert DeploymentIsDeprecated(deploymentId);
        d.deprecated = true;
        emit DeploymentDeprecated(deploymentId, msg.sender);
    }

    function isPublished(bytes32 deploymentId) external view returns (bool) {
        return deployments[deploymentId].publisher != address(0);
    }

    function isDeprecated(bytes32 deploymentId) external view returns (bool) {
        return deployments[deploymentId].deprecated;
    }
}
