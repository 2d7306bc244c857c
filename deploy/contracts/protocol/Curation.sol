// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IProtocolToken, ISubgraphRegistry} from "./Interfaces.sol";

/// @title Curation
/// @notice Curators signal on a published deployment through a flat bonding curve (The Graph's L2 curve, reserve
///         ratio 100%): the first deposit into an empty pool mints signal 1:1 with the tokens after tax, later ones
///         mint `tokens * poolSignal / poolTokens`; burning signal returns `signal * poolTokens / poolSignal`
///         (both rounded down, in the pool's favour). The curation tax is burned on every deposit. Query fees
///         added with `addFees` raise `poolTokens`, hence the price of every share.
contract Curation {
    uint256 public constant MAX_PPM = 1_000_000;

    struct Pool {
        uint256 tokens;
        uint256 signal;
    }

    IProtocolToken public immutable token;
    ISubgraphRegistry public immutable registry;
    uint256 public immutable curationTaxPercentage;
    uint256 public immutable minimumCurationDeposit;

    mapping(bytes32 => Pool) public pools;
    mapping(bytes32 => mapping(address => uint256)) public signalOf;

    event Signalled(address indexed curator, bytes32 indexed deploymentId, uint256 tokens, uint256 signal, uint256 tax);
    event Unsignalled(address indexed curator, bytes32 indexed deploymentId, uint256 tokens, uint256 signal);
    event CurationFeesAdded(bytes32 indexed deploymentId, address indexed from, uint256 tokens);

    error InvalidPercentage(uint256 ppm);
    error ZeroAmount();
    error DeploymentNotFound(bytes32 deploymentId);
    error DeploymentIsDeprecated(bytes32 deploymentId);
    error BelowMinimumDeposit(uint256 minimum, uint256 tokens);
    error ZeroSignal();
    error SlippageExceeded(uint256 minimum, uint256 actual);
    error InsufficientSignal(uint256 required, uint256 available);
    error NotCurated(bytes32 deploymentId);

    constructor(IProtocolToken token_, ISubgraphRegistry registry_, uint256 curationTaxPpm, uint256 minimumDeposit) {
        if (curationTaxPpm > MAX_PPM) revert InvalidPercentage(curationTaxPpm);
        if (minimumDeposit == 0) revert ZeroAmount();
        token = token_;
        registry = registry_;
        curationTaxPercentage = curationTaxPpm;
        minimumCurationDeposit = minimumDeposit;
    }

    /// @notice Deposits `tokens` (pulled with transferFrom), burns the tax, mints signal to the caller.
    /// @param minSignal reverts with SlippageExceeded when fewer shares would be minted.
    function signal(bytes32 deploymentId, uint256 tokens, uint256 minSignal) external returns (uint256 signalOut) {
        if (!registry.isPublished(deploymentId)) revert DeploymentNotFound(deploymentId);
        if (registry.isDeprecated(deploymentId)) revert DeploymentIsDeprecated(deploymentId);
        if (tokens < minimumCurationDeposit) revert BelowMinimumDeposit(minimumCurationDeposit, tokens);
        uint256 tax;
        (signalOut, tax) = tokensToSignal(deploymentId, tokens);
        if (signalOut == 0) revert ZeroSignal();
        if (signalOut < minSignal) revert SlippageExceeded(minSignal, signalOut);
        Pool storage pool = pools[deploymentId];
        pool.tokens += tokens - tax;
        pool.signal += signalOut;
        signalOf[deploymentId][msg.sender] += signalOut;
        token.transferFrom(msg.sender, address(this), tokens);
        if (tax > 0) token.burn(tax);
        emit Signalled(msg.sender, deploymentId, tokens, signalOut, tax);
    }

    /// @notice Burns `signalIn` of the caller's shares and returns their tokens.
    /// @param minTokens reverts with SlippageExceeded when fewer tokens would be returned.
    function unsignal(bytes32 deploymentId, uint256 signalIn, uint256 minTokens) external returns (uint256 tokensOut) {
        if (signalIn == 0) revert ZeroAmount();
        uint256 held = signalOf[deploymentId][msg.sender];
        if (held < signalIn) revert InsufficientSignal(signalIn, held);
        tokensOut = signalToTokens(deploymentId, signalIn);
        if (tokensOut < minTokens) revert SlippageExceeded(minTokens, tokensOut);
        Pool storage pool = pools[deploymentId];
        pool.tokens -= tokensOut;
        pool.signal -= signalIn;
        signalOf[deploymentId][msg.sender] = held - signalIn;
        if (tokensOut > 0) token.transfer(msg.sender, tokensOut);
        emit Unsignalled(msg.sender, deploymentId, tokensOut, signalIn);
    }

    /// @notice Adds `tokens` (pulled from the caller) to a curated pool's reserve: the curators' share of query fees.
    function addFees(bytes32 deploymentId, uint256 tokens) external {
        if (tokens == 0) revert ZeroAmount();
        Pool storage pool = pools[deploymentId];
        if (pool.signal == 0) revert NotCurated(deploymentId);
        pool.tokens += tokens;
        token.transferFrom(msg.sender, address(this), tokens);
        emit CurationFeesAdded(deploymentId, msg.sender, tokens);
    }

    /// @notice Signal minted and tax burned for a deposit of `tokens` now.
    function tokensToSignal(bytes32 deploymentId, uint256 tokens) public view returns (uint256 signalOut, uint256 tax) {
        tax = (tokens * curationTaxPercentage) / MAX_PPM;
        uint256 net = tokens - tax;
        Pool storage pool = pools[deploymentId];
        signalOut = pool.signal == 0 ? net : (net * pool.signal) / pool.tokens;
    }

    /// @notice Tokens returned for burning `signalIn` shares now.
    function signalToTokens(bytes32 deploymentId, uint256 signalIn) public view returns (uint256) {
        Pool storage pool = pools[deploymentId];
        if (pool.signal == 0) return 0;
        return (signalIn * pool.tokens) / pool.signal;
    }

    function isCurated(bytes32 deploymentId) external view returns (bool) {
        return pools[deploymentId].signal > 0;
    }
}
