using System.Numerics;
using DePin.Index.Ethereum.Eip712;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Protocol;

/// <summary>
/// A receipt aggregate voucher (docs/protocol-spec.md, FeeSettlement): the payer's running total
/// <see cref="ValueAggregate"/> (token wei) for one (indexer, deployment), signed with EIP-712 under the domain
/// {name "DePin.Index FeeSettlement", version "1", chainId, verifyingContract = FeeSettlement}.
/// </summary>
public sealed record Voucher(Address Payer, Address Indexer, DeploymentId DeploymentId, ulong TimestampNs, BigInteger ValueAggregate)
{
    public const string DomainName = "DePin.Index FeeSettlement";
    public const string DomainVersion = "1";
    public const string PrimaryType = "Voucher";

    /// <summary>uint128: the largest aggregate a voucher can carry.</summary>
    public static readonly BigInteger MaxValue = (BigInteger.One << 128) - 1;

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> Types = new Dictionary<string, IReadOnlyList<TypedDataField>>
    {
        [PrimaryType] =
        [
            new("payer", "address"), new("indexer", "address"), new("deploymentId", "bytes32"),
            new("timestampNs", "uint64"), new("valueAggregate", "uint128"),
        ],
    };

    /// <summary>The typed data eth_signTypedData_v4 would take for this voucher.</summary>
    public TypedData ToTypedData(ulong chainId, Address feeSettlement)
    {
        if (ValueAggregate.Sign < 0 || ValueAggregate > MaxValue)
            throw new ProtocolException($"voucher valueAggregate {ValueAggregate} does not fit uint128");
        var domain = new TypedDataDomain { Name = DomainName, Version = DomainVersion, ChainId = chainId, VerifyingContract = feeSettlement };
        var message = new Dictionary<string, object?>
        {
            ["payer"] = Payer,
            ["indexer"] = Indexer,
            ["deploymentId"] = DeploymentId.Bytes,
            ["timestampNs"] = TimestampNs,
            ["valueAggregate"] = ValueAggregate,
        };
        return new TypedData(domain, Types, PrimaryType, message);
    }

    /// <summary>The EIP-712 digest the payer signs (equal to FeeSettlement.voucherDigest).</summary>
    public Hash32 Digest(ulong chainId, Address feeSettlement) => ToTypedData(chainId, feeSettlement).SigningHash();

    /// <summary>Signs with the payer's key (which must be the voucher's payer).</summary>
    public SignedVoucher Sign(EthKey payer, ulong chainId, Address feeSettlement)
    {
        ArgumentNullException.ThrowIfNull(payer);
        if (payer.Address != Payer) throw new ProtocolException($"the voucher's payer is {Payer}, the key is {payer.Address}");
        return new SignedVoucher(this, ToTypedData(chainId, feeSettlement).Sign(payer).ToBytes65());
    }
}
