using System.Numerics;

namespace DePin.Index.Devnet.Contracts;

/// <summary>
/// The protocol contracts' deployment parameters (docs/protocol-spec.md). Token amounts in wei (18 decimals),
/// percentages in PPM (1,000,000 = 100 %), periods in blocks except <see cref="DelegationUnbondingPeriod"/> (epochs).
/// </summary>
public sealed record ProtocolParameters
{
    private static readonly BigInteger Token = BigInteger.Pow(10, 18);

    /// <summary>Blocks per epoch. Default 6,646 (~24 h).</summary>
    public long EpochLength { get; init; } = 6_646;

    /// <summary>Own stake an indexer needs. Default 100,000 tokens.</summary>
    public BigInteger MinimumIndexerStake { get; init; } = 100_000 * Token;

    /// <summary>Blocks unstaked tokens thaw before withdrawal. Default 186,092 (~28 d).</summary>
    public long ThawingPeriod { get; init; } = 186_092;

    /// <summary>Delegated tokens that count as capacity, as a multiple of own stake. Default 16.</summary>
    public long DelegationRatio { get; init; } = 16;

    /// <summary>Delegation tax, burned (PPM). Default 5,000 (0.5 %).</summary>
    public long DelegationTaxPercentage { get; init; } = 5_000;

    /// <summary>Epochs undelegated tokens unbond. Default 28.</summary>
    public long DelegationUnbondingPeriod { get; init; } = 28;

    /// <summary>Smallest delegation. Default 1 token.</summary>
    public BigInteger MinimumDelegation { get; init; } = Token;

    /// <summary>Blocks before a new query-fee cut applies. Default 6,646 (one epoch).</summary>
    public long QueryFeeCutCooldown { get; init; } = 6_646;

    /// <summary>Curation tax, burned (PPM). Default 10,000 (1 %).</summary>
    public long CurationTaxPercentage { get; init; } = 10_000;

    /// <summary>Smallest curation deposit. Default 1 token.</summary>
    public BigInteger MinimumCurationDeposit { get; init; } = Token;

    /// <summary>Protocol tax on query fees, burned (PPM). Default 10,000 (1 %).</summary>
    public long ProtocolPercentage { get; init; } = 10_000;

    /// <summary>Curators' share of query fees after the protocol tax (PPM). Default 100,000 (10 %).</summary>
    public long CurationPercentage { get; init; } = 100_000;

    /// <summary>Blocks escrow thaws before withdrawal. Default 216,000 (30 d at 12 s).</summary>
    public long EscrowThawingPeriod { get; init; } = 216_000;

    /// <summary>The Graph's published values (the defaults above).</summary>
    public static ProtocolParameters TheGraphDefaults { get; } = new();

    /// <summary>The devnet's: the same amounts and percentages, periods short enough to wait for.</summary>
    public static ProtocolParameters Devnet { get; } = new()
    {
        EpochLength = 10,
        ThawingPeriod = 20,
        DelegationUnbondingPeriod = 2,
        QueryFeeCutCooldown = 10,
        EscrowThawingPeriod = 20,
    };
}
