using System.Numerics;

namespace DePin.Index.Protocol;

/// <summary>
/// How a query-fee amount is split (docs/protocol-spec.md): protocol tax (burned), curators' share (if curated),
/// then the indexer's cut and the delegators' rest (if it has delegators). <see cref="Compute"/> is the formula in C#.
/// </summary>
public sealed record FeeSplit(BigInteger Amount, BigInteger ProtocolTax, BigInteger CurationFees, BigInteger IndexerFees,
    BigInteger DelegatorFees, long QueryFeeCut)
{
    public const long MaxPpm = 1_000_000;

    /// <summary>The split computed off chain, exactly as FeeSettlement.split does.</summary>
    public static FeeSplit Compute(BigInteger amount, long protocolPpm, long curationPpm, bool curated, long queryFeeCut, bool hasDelegators)
    {
        var tax = amount * protocolPpm / MaxPpm;
        var afterTax = amount - tax;
        var curation = curated ? afterTax * curationPpm / MaxPpm : BigInteger.Zero;
        var rest = afterTax - curation;
        var indexer = hasDelegators ? rest * queryFeeCut / MaxPpm : rest;
        return new FeeSplit(amount, tax, curation, indexer, rest - indexer, queryFeeCut);
    }
}
