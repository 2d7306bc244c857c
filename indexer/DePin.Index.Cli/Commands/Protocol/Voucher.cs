using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using DePin.Index.Ethereum.Eip712;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>
/// A payer-signed query-fee voucher (docs/protocol-spec.md, EIP-712 domain "DePin.Index FeeSettlement" version 1):
/// the running total <see cref="ValueAggregate"/> (wei) the payer owes <see cref="Indexer"/> for one deployment.
/// The file form is JSON with every field and the 65-byte signature r‖s‖v (v = 27/28).
/// </summary>
public sealed record Voucher(
    Address Payer,
    Address Indexer,
    DeploymentId Deployment,
    ulong TimestampNs,
    BigInteger ValueAggregate,
    ulong ChainId,
    Address VerifyingContract,
    byte[] Signature)
{
    public const string DomainName = "DePin.Index FeeSettlement";
    public const string DomainVersion = "1";

    private static readonly BigInteger MaxUInt128 = (BigInteger.One << 128) - 1;

    /// <summary>The EIP-712 digest the payer signs (equal to FeeSettlement.voucherDigest).</summary>
    public static Hash32 Digest(Address payer, Address indexer, DeploymentId deployment, ulong timestampNs, BigInteger valueAggregate,
        ulong chainId, Address verifyingContract) =>
        TypedData(payer, indexer, deployment, timestampNs, valueAggregate, chainId, verifyingContract).SigningHash();

    /// <summary>Signs a voucher with the payer's key.</summary>
    public static Voucher Sign(EthKey payer, Address indexer, DeploymentId deployment, ulong timestampNs, BigInteger valueAggregate,
        ulong chainId, Address verifyingContract)
    {
        ArgumentNullException.ThrowIfNull(payer);
        if (valueAggregate.Sign <= 0 || valueAggregate > MaxUInt128) throw new CliException("the voucher's value must be above 0 and fit 128 bits");
        var signature = payer.Sign(Digest(payer.Address, indexer, deployment, timestampNs, valueAggregate, chainId, verifyingContract)).ToBytes65();
        return new Voucher(payer.Address, indexer, deployment, timestampNs, valueAggregate, chainId, verifyingContract, signature);
    }

    public Hash32 Digest() => Digest(Payer, Indexer, Deployment, TimestampNs, ValueAggregate, ChainId, VerifyingContract);

    /// <summary>The address that signed (recovered from the signature).</summary>
    /// <exception cref="CliException">the signature is malformed.</exception>
    public Address Signer()
    {
        try
        {
            return EcRecover.Recover(Digest(), EthSignature.FromBytes65(Signature));
        }
        catch (SignatureException e)
        {
            throw new CliException($"the voucher's signature is not valid: {e.Message}", e);
        }
    }

    public string ToJson() => new JsonObject
    {
        ["payer"] = Payer.ToChecksumString(),
        ["indexer"] = Indexer.ToChecksumString(),
        ["deploymentId"] = Deployment.ToString(),
        ["deploymentIdBytes32"] = Deployment.Bytes.ToHex(),
        ["timestampNs"] = TimestampNs.ToString(CultureInfo.InvariantCulture),
        ["valueAggregate"] = ValueAggregate.ToString(CultureInfo.InvariantCulture),
        ["valueAggregateDpi"] = Dpi.Format(ValueAggregate),
        ["chainId"] = ChainId,
        ["verifyingContract"] = VerifyingContract.ToChecksumString(),
        ["signature"] = Hex.Encode(Signature),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>Reads the file form; every missing or malformed field is named.</summary>
    /// <exception cref="CliException">not a voucher.</exception>
    public static Voucher Parse(string json)
    {
        JsonObject o;
        try
        {
            o = JsonNode.Parse(json) as JsonObject ?? throw new CliException("a voucher is a JSON object");
        }
        catch (JsonException e)
        {
            throw new CliException($"the voucher is not JSON: {e.Message}", e);
        }
        string Text(string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s
            : o[name] is JsonValue n && n.TryGetValue<long>(out var l) ? l.ToString(CultureInfo.InvariantCulture)
            : throw new CliException($"the voucher has no '{name}'");
        Address Addr(string name) => Protocol.Signer.ParseAddress(Text(name), $"voucher {name}");
        BigInteger Number(string name) => BigInteger.TryParse(Text(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : throw new CliException($"voucher {name} '{Text(name)}' is not a whole number");
        var timestamp = Number("timestampNs");
        var chainId = Number("chainId");
        var value = Number("valueAggregate");
        if (timestamp > ulong.MaxValue) throw new CliException("voucher timestampNs does not fit 64 bits");
        if (chainId > ulong.MaxValue) throw new CliException("voucher chainId does not fit 64 bits");
        if (value > MaxUInt128) throw new CliException("voucher valueAggregate does not fit 128 bits");
        byte[] signature;
        try
        {
            signature = Hex.Decode(Text("signature"));
        }
        catch (FormatException e)
        {
            throw new CliException("voucher signature is not hex", e);
        }
        if (signature.Length != 65) throw new CliException($"voucher signature must be 65 bytes, got {signature.Length}");
        return new Voucher(Addr("payer"), Addr("indexer"), DeploymentId.Parse(Text("deploymentId")), (ulong)timestamp, value, (ulong)chainId,
            Addr("verifyingContract"), signature);
    }

    private static TypedData TypedData(Address payer, Address indexer, DeploymentId deployment, ulong timestampNs, BigInteger valueAggregate,
        ulong chainId, Address verifyingContract)
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>(StringComparer.Ordinal)
        {
            ["EIP712Domain"] =
            [
                new("name", "string"), new("version", "string"), new("chainId", "uint256"), new("verifyingContract", "address"),
            ],
            ["Voucher"] =
            [
                new("payer", "address"), new("indexer", "address"), new("deploymentId", "bytes32"), new("timestampNs", "uint64"),
                new("valueAggregate", "uint128"),
            ],
        };
        var domain = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = DomainName,
            ["version"] = DomainVersion,
            ["chainId"] = new BigInteger(chainId),
            ["verifyingContract"] = verifyingContract,
        };
        var message = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["payer"] = payer,
            ["indexer"] = indexer,
            ["deploymentId"] = deployment.ToArray(),
            ["timestampNs"] = new BigInteger(timestampNs),
            ["valueAggregate"] = valueAggregate,
        };
        return new TypedData(types, "Voucher", domain, message);
    }
}
