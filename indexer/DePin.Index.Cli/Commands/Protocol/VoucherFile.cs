using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Protocol;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>
/// A signed voucher as a file: JSON with the voucher's fields, its EIP-712 domain (chainId, verifyingContract) and the
/// payer's 65-byte signature r‖s‖v. Written by `depin fees voucher`, read by `depin fees redeem`.
/// </summary>
internal sealed record VoucherFile(SignedVoucher Signed, ulong ChainId, Address VerifyingContract)
{
    public Voucher Voucher => Signed.Voucher;

    /// <summary>The address the signature recovers to over this voucher's digest.</summary>
    /// <exception cref="CliException">a malformed signature.</exception>
    public Address Signer()
    {
        try
        {
            return EcRecover.Recover(Voucher.Digest(ChainId, VerifyingContract), EthSignature.FromBytes65(Signed.Signature));
        }
        catch (SignatureException e)
        {
            throw new CliException($"the voucher's signature is not valid: {e.Message}", e);
        }
    }

    public string ToJson() => new JsonObject
    {
        ["payer"] = Voucher.Payer.ToChecksumString(),
        ["indexer"] = Voucher.Indexer.ToChecksumString(),
        ["deploymentId"] = Voucher.DeploymentId.ToString(),
        ["deploymentIdBytes32"] = Voucher.DeploymentId.ToHex(),
        ["timestampNs"] = Voucher.TimestampNs.ToString(CultureInfo.InvariantCulture),
        ["valueAggregate"] = Voucher.ValueAggregate.ToString(CultureInfo.InvariantCulture),
        ["valueAggregateDpi"] = TokenAmount.Format(Voucher.ValueAggregate),
        ["chainId"] = ChainId.ToString(CultureInfo.InvariantCulture),
        ["verifyingContract"] = VerifyingContract.ToChecksumString(),
        ["signature"] = Hex.Encode(Signed.Signature),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>Reads the file form; a missing or malformed field is named.</summary>
    /// <exception cref="CliException">not a voucher.</exception>
    public static VoucherFile Parse(string json)
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
        string Text(string name) => o[name] is JsonValue v
            ? v.TryGetValue<string>(out var s) ? s : v.ToJsonString()
            : throw new CliException($"the voucher has no '{name}'");
        Address Addr(string name) => Protocol.Signer.ParseAddress(Text(name), $"voucher {name}");
        BigInteger Number(string name, int bits)
        {
            if (!BigInteger.TryParse(Text(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                throw new CliException($"voucher {name} '{Text(name)}' is not a whole number");
            }
            return n < BigInteger.One << bits ? n : throw new CliException($"voucher {name} does not fit {bits} bits");
        }
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
        var voucher = new Voucher(Addr("payer"), Addr("indexer"), Args.Deployment(Text("deploymentId")), (ulong)Number("timestampNs", 64),
            Number("valueAggregate", 128));
        return new VoucherFile(new SignedVoucher(voucher, signature), (ulong)Number("chainId", 64), Addr("verifyingContract"));
    }
}
