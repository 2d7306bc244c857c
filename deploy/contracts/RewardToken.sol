// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title RewardToken (DPIN)
/// @notice Plain ERC-20 with 18 decimals. New tokens are minted only by the minter (the RewardDistributor),
///         which the deployer sets exactly once. `transferFrom` spends allowance without emitting `Approval`,
///         and an allowance of type(uint256).max is never decreased.
contract RewardToken {
    string public constant name = "DePIN Reward";
    string public constant symbol = "DPIN";
    uint8 public constant decimals = 18;

    address public immutable deployer;
    address public minter;
    uint256 public totalSupply;

    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event MinterSet(address indexed minter);

    error ZeroAddress();
    error NotDeployer(address caller);
    error NotMinter(address caller);
    error MinterAlreadySet(address minter);
    error InsufficientBalance(address account, uint256 balance, uint256 needed);
    error InsufficientAllowance(address owner, address spender, uint256 allowance, uint256 needed);

    constructor() {
        deployer = msg.sender;
    }

    /// @notice Sets the only account allowed to mint; callable once, by the deployer.
    function setMinter(address newMinter) external {
        if (msg.sender != deployer) revert NotDeployer(msg.sender);
        if (minter != address(0)) revert MinterAlreadySet(minter);
        if (newMinter == address(0)) revert ZeroAddress();
        minter = newMinter;
        emit MinterSet(newMinter);
    }

    function mint(address to, uint256 amount) external {
        if (msg.sender != minter) revert NotMinter(msg.sender);
        if (to == address(0)) revert ZeroAddress();
        totalSupply += amount;
        unchecked {
            // cannot overflow: the sum of all balances equals totalSupply, checked above
            balanceOf[to] += amount;
        }
        emit Transfer(address(0), to, amount);
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _transfer(msg.sender, to, amount);
        return true;
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        if (spender == address(0)) revert ZeroAddress();
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed != type(uint256).max) {
            if (allowed < amount) revert InsufficientAllowance(from, msg.sender, allowed, amount);
            unchecked {
                allowance[from][msg.sender] = allowed - amount;
            }
        }
        _transfer(from, to, amount);
        return true;
    }

    function _transfer(address from, address to, uint256 amount) private {
        if (to == address(0)) revert ZeroAddress();
        uint256 balance = balanceOf[from];
        if (balance < amount) revert InsufficientBalance(from, balance, amount);
        unchecked {
            balanceOf[from] = balance - amount;
            balanceOf[to] += amount;
        }
        emit Transfer(from, to, amount);
    }
}
