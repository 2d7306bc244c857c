// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IProtocolToken, IEpochManager, ISubgraphRegistry, ICuration, IStaking} from "./Interfaces.sol";

/// @title FeeSettlement
/// @notice Consumers (payers) keep query-fee escrow here. An indexer redeems a payer-signed EIP-712 voucher that
///         aggregates every query receipt of one (payer, indexer, deployment); only the part of `valueAggregate`
///         above what was already collected for that triple is paid, so a voucher can't be replayed, reused for
///         another deployment or indexer, or inflated. The payment is split: protocol tax (burned), curators'
///         share (to the deployment's curation pool, when curated), then the indexer's cut and the delegators'
///         rest (to the indexer's delegation pool, when it has delegators). Formulas in docs/protocol-spec.md.
contract FeeSettlement {
    uint256 public constant MAX_PPM = 1_000_000;
    bytes32 public constant VOUCHER_TYPEHASH =
        keccak256("Voucher(address payer,address indexer,bytes32 deploymentId,uint64 timestampNs,uint128 valueAggregate)");
    bytes32 private constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    string public constant DOMAIN_NAME = "DePin.Index FeeSettlement";
    string public constant DOMAIN_VERSION = "1";
    uint256 private constant HALF_N = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;

    struct Escrow {
        uint256 balance; // thawing included: thawing tokens still pay vouchers until withdrawn
        uint256 thawing;
        uint256 thawEndBlock;
    }

    struct Split {
        uint256 amount;
        uint256 protocolTax;
        uint256 curationFees;
        uint256 indexerFees;
        uint256 delegatorFees;
        uint32 queryFeeCut;
    }

    IProtocolToken public immutable token;
    IStaking public immutable staking;
    ICuration public immutable curation;
    ISubgraphRegistry public immutable registry;
    IEpochManager public immutable epochManager;
    uint256 public immutable protocolPercentage;
    uint256 public immutable curationPercentage;
    uint256 public immutable escrowThawingPeriod;

    mapping(address => Escrow) public escrows;
    /// @notice payer => indexer => deploymentId => value already paid
    mapping(address => mapping(address => mapping(bytes32 => uint256))) public collected;

    event Deposited(address indexed payer, uint256 tokens, uint256 balance);
    event ThawStarted(address indexed payer, uint256 tokens, uint256 thawEndBlock);
    event Withdrawn(address indexed payer, uint256 tokens, uint256 balance);
    event QueryFeesCollected(
        address indexed payer,
        address indexed indexer,
        bytes32 indexed deploymentId,
        uint256 valueAggregate,
        uint256 amount,
        uint256 protocolTax,
        uint256 curationFees,
        uint256 indexerFees,
        uint256 delegatorFees,
        uint256 epoch
    );

    error InvalidPercentage(uint256 ppm);
    error ZeroAmount();
    error InsufficientEscrow(uint256 required, uint256 available);
    error NothingThawing();
    error StillThawing(uint256 untilBlock, uint256 currentBlock);
    error NotVoucherIndexer(address caller, address indexer);
    error InvalidSignature();
    error SignerNotPayer(address signer, address payer);
    error NothingToCollect(uint256 collected, uint256 valueAggregate);
    error DeploymentNotFound(bytes32 deploymentId);
    error NotAnIndexer(address indexer);

    constructor(
        IProtocolToken token_,
        IStaking staking_,
        ICuration curation_,
        ISubgraphRegistry registry_,
        IEpochManager epochManager_,
        uint256 protocolPpm,
        uint256 curationPpm,
        uint256 escrowThawingPeriod_
    ) {
        if (protocolPpm > MAX_PPM) revert InvalidPercentage(protocolPpm);
        if (curationPpm > MAX_PPM) revert InvalidPercentage(curationPpm);
        token = token_;
        staking = staking_;
        curation = curation_;
        registry = registry_;
        epochManager = epochManager_;
        protocolPercentage = protocolPpm;
        curationPercentage = curationPpm;
        escrowThawingPeriod = escrowThawingPeriod_;
        token_.approve(address(curation_), type(uint256).max);
        token_.approve(address(staking_), type(uint256).max);
    }

    // ---- escrow ----

    /// @notice Adds `tokens` (pulled with transferFrom) to the caller's escrow.
    function deposit(uint256 tokens) external {
        if (tokens == 0) revert ZeroAmount();
        Escrow storage e = escrows[msg.sender];
        e.balance += tokens;
        token.transferFrom(msg.sender, address(this), tokens);
        emit Deposited(msg.sender, tokens, e.balance);
    }

    /// @notice Marks `tokens` of the escrow for withdrawal after `escrowThawingPeriod` blocks (replacing any earlier
    ///         request; 0 cancels). Thawing tokens still pay vouchers until withdrawn.
    function thaw(uint256 tokens) external {
        Escrow storage e = escrows[msg.sender];
        if (tokens > e.balance) revert InsufficientEscrow(tokens, e.balance);
        e.thawing = tokens;
        e.thawEndBlock = tokens == 0 ? 0 : block.number + escrowThawingPeriod;
        emit ThawStarted(msg.sender, tokens, e.thawEndBlock);
    }

    /// @notice Sends the thawed tokens (at most the balance left) back to the payer.
    function withdraw() external returns (uint256 tokens) {
        Escrow storage e = escrows[msg.sender];
        if (e.thawing == 0) revert NothingThawing();
        if (block.number < e.thawEndBlock) revert StillThawing(e.thawEndBlock, block.number);
        tokens = e.thawing < e.balance ? e.thawing : e.balance;
        e.balance -= tokens;
        e.thawing = 0;
        e.thawEndBlock = 0;
        if (tokens > 0) token.transfer(msg.sender, tokens);
        emit Withdrawn(msg.sender, tokens, e.balance);
    }

    // ---- vouchers ----

    /// @notice Redeems a voucher signed by `payer` (65 bytes r‖s‖v, v ∈ {27, 28}, low s); only `indexer` may call.
    function redeem(
        address payer,
        address indexer,
        bytes32 deploymentId,
        uint64 timestampNs,
        uint128 valueAggregate,
        bytes calldata signature
    ) external returns (uint256 amount) {
        if (msg.sender != indexer) revert NotVoucherIndexer(msg.sender, indexer);
        if (!registry.isPublished(deploymentId)) revert DeploymentNotFound(deploymentId);
        if (!staking.isIndexer(indexer)) revert NotAnIndexer(indexer);
        address signer = _recover(voucherDigest(payer, indexer, deploymentId, timestampNs, valueAggregate), signature);
        if (signer != payer) revert SignerNotPayer(signer, payer);
        uint256 already = collected[payer][indexer][deploymentId];
        if (valueAggregate <= already) revert NothingToCollect(already, valueAggregate);
        amount = valueAggregate - already;
        Escrow storage e = escrows[payer];
        if (e.balance < amount) revert InsufficientEscrow(amount, e.balance);
        e.balance -= amount;
        if (e.thawing > e.balance) e.thawing = e.balance;
        collected[payer][indexer][deploymentId] = valueAggregate;

        Split memory s = split(indexer, deploymentId, amount);
        if (s.protocolTax > 0) token.burn(s.protocolTax);
        if (s.curationFees > 0) curation.addFees(deploymentId, s.curationFees);
        if (s.delegatorFees > 0) staking.addDelegationFees(indexer, s.delegatorFees);
        if (s.indexerFees > 0) token.transfer(indexer, s.indexerFees);
        emit QueryFeesCollected(
            payer, indexer, deploymentId, valueAggregate, amount, s.protocolTax, s.curationFees, s.indexerFees, s.delegatorFees,
            epochManager.currentEpoch()
        );
    }

    /// @notice How `amount` of query fees for (`indexer`, `deploymentId`) would be split now.
    function split(address indexer, bytes32 deploymentId, uint256 amount) public view returns (Split memory s) {
        s.amount = amount;
        s.protocolTax = (amount * protocolPercentage) / MAX_PPM;
        uint256 afterTax = amount - s.protocolTax;
        if (curation.isCurated(deploymentId)) s.curationFees = (afterTax * curationPercentage) / MAX_PPM;
        uint256 rest = afterTax - s.curationFees;
        s.queryFeeCut = staking.queryFeeCut(indexer);
        s.indexerFees = staking.hasDelegators(indexer) ? (rest * s.queryFeeCut) / MAX_PPM : rest;
        s.delegatorFees = rest - s.indexerFees;
    }

    function domainSeparator() public view returns (bytes32) {
        return keccak256(
            abi.encode(DOMAIN_TYPEHASH, keccak256(bytes(DOMAIN_NAME)), keccak256(bytes(DOMAIN_VERSION)), block.chainid, address(this))
        );
    }

    /// @notice The EIP-712 digest the payer signs.
    function voucherDigest(address payer, address indexer, bytes32 deploymentId, uint64 timestampNs, uint128 valueAggregate)
        public
        view
        returns (bytes32)
    {
        bytes32 structHash = keccak256(abi.encode(VOUCHER_TYPEHASH, payer, indexer, deploymentId, timestampNs, valueAggregate));
        return keccak256(abi.encodePacked(hex"1901", domainSeparator(), structHash));
    }

    function _recover(bytes32 digest, bytes calldata signature) private pure returns (address signer) {
        if (signature.length != 65) revert InvalidSignature();
        bytes32 r = bytes32(signature[0:32]);
        bytes32 s = bytes32(signature[32:64]);
        uint8 v = uint8(signature[64]);
        if ((v != 27 && v != 28) || uint256(s) > HALF_N) revert InvalidSignature();
        signer = ecrecover(digest, v, r, s);
        if (signer == address(0)) revert InvalidSignature();
    }
}
