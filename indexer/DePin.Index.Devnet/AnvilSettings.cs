namespace DePin.Index.Devnet;

/// <summary>How to run anvil, the local EVM chain.</summary>
public sealed class AnvilSettings
{
    public const long DefaultChainId = 31337;

    /// <summary>
    /// 100 M gas per block instead of anvil's 30 M: with automine each transaction gets its own block, so the block
    /// gas limit is the largest transaction the simulator can send; at roughly 60–120 k gas per registered device or
    /// proof, 100 M lets one batch carry about a thousand of them. (Anvil does not enforce EIP-7825's per-transaction
    /// cap unless asked with --enable-tx-gas-limit.)
    /// </summary>
    public const long DefaultBlockGasLimit = 100_000_000;

    public const int DefaultPort = 8545;

    /// <summary>The anvil executable (see <see cref="RepoPaths.AnvilBinary"/>).</summary>
    public required string BinaryPath { get; init; }

    /// <summary>The TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    public long ChainId { get; init; } = DefaultChainId;

    /// <summary>Block gas limit (gas); default <see cref="DefaultBlockGasLimit"/>.</summary>
    public long BlockGasLimit { get; init; } = DefaultBlockGasLimit;

    /// <summary>Seconds between blocks; null = automine (one block per transaction, anvil's default).</summary>
    public int? BlockTimeSeconds { get; init; }

    /// <summary>
    /// A file anvil loads its chain from at start (when it exists) and dumps it to when stopped with SIGTERM
    /// (anvil's --state), so the chain — blocks, hashes, contracts — survives `down`/`up`. Null keeps it in memory only.
    /// </summary>
    public string? StatePath { get; init; }

    /// <summary>Where anvil's output goes (anvil runs with --silent, so mostly errors).</summary>
    public required string LogPath { get; init; }

    /// <summary>How long to wait for eth_chainId to answer after start.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long `stop` waits after SIGTERM (anvil writes its state file then) before SIGKILL.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(30);
}
