// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ProtocolToken (DPI)
/// @notice The protocol's ERC-20 (18 decimals): staked, delegated, signalled and paid as query fees.
///         Burnable by any holder (taxes are burned with `burn`, so `totalSupply` falls and `totalBurned` rises);
///         mintable by minters the governor (the deployer) adds or removes — on the devnet the deployer is the
///         faucet. `transferFrom` emits only `Transfer`; an allowance of type(uint256).max is never decreased.
contract ProtocolToken {
    string public constant name = "DePIN Index Token";
    string public constant symbol = "DPI";
    uint8 public constant decimals = 18;

    address public immutable governor;
    uint256 public totalSupply;
    uint256 public totalMinted;
    uint256 public totalBurned;

    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    mapping(address => bool) public isMinter;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event MinterAdded(address indexed minter);
    event MinterRemoved(address indexed minter);

    error ZeroAddress();
    error NotGovernor(address caller);
    error NotMinter(address caller);
    error InsufficientBalance(address account, uint256 balance, uint256 needed);
    error InsufficientAllowance(address owner, address spender, uint256 allowance, uint256 needed);

    constructor() {
        governor = msg.sender;
        isMinter[msg.sender] = true;
        emit MinterAdded(msg.sender);
    }

    function addMinter(address minter) external {
        if (msg.sender != governor) revert NotGovernor(msg.sender);
        if (minter == address(0)) revert ZeroAddress();
        isMinter[minter] = true;
        emit MinterAdded(minter);
    }

    function removeMinter(address minter) external {
        if (msg.sender != governor) revert NotGovernor(msg.sender);
        isMinter[minter] = false;
        emit MinterRemoved(minter);
    }

    function mint(address to, uint256 amount) external {
        if (!isMinter[msg.sender]) revert NotMinter(msg.sender);
        if (to == address(0)) revert ZeroAddress();
        totalSupply += amount;
        totalMinted += amount;
        unchecked {
            balanceOf[to] += amount; // the sum of all balances equals totalSupply, checked above
        }
        emit Transfer(address(0), to, amount);
    }

    /// @notice Destroys `amount` of the caller's tokens.
    function burn(uint256 amount) external {
        uint256 balance = balanceOf[msg.sender];
        if (balance < amount) revert InsufficientBalance(msg.sender, balance, amount);
        unchecked {
            balanceOf[msg.sender] = balance - amount;
            totalSupply -= amount;
        }
        totalBurned += amount;
        emit Transfer(msg.sender, address(0), amount);
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
