using System.Numerics;
using System.Text.Json;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc.Internal;

namespace DePin.Index.Ethereum.Rpc;

/// <summary>
/// The transaction object of <c>eth_call</c>, <c>eth_estimateGas</c> and (node-signed) <c>eth_sendTransaction</c>.
/// Only the members that are set are sent.
/// </summary>
public sealed record CallRequest : IRpcParam
{
    public Address? From { get; init; }

    /// <summary>Null for a contract creation.</summary>
    public Address? To { get; init; }

    public byte[]? Data { get; init; }
    public BigInteger? Value { get; init; }
    public long? Gas { get; init; }
    public BigInteger? GasPrice { get; init; }
    public BigInteger? MaxFeePerGas { get; init; }
    public BigInteger? MaxPriorityFeePerGas { get; init; }
    public long? Nonce { get; init; }

    void IRpcParam.WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (From is { } from) writer.WriteString("from"u8, from.ToHex());
        if (To is { } to) writer.WriteString("to"u8, to.ToHex());
        if (Data is { } data)
        {
            writer.WritePropertyName("data"u8);
            RpcRequestWriter.WriteHex(writer, data);
        }
        if (Value is { } value) writer.WriteString("value"u8, HexQuantity.Format(value));
        if (Gas is { } gas) writer.WriteString("gas"u8, HexQuantity.Format(gas));
        if (GasPrice is { } gasPrice) writer.WriteString("gasPrice"u8, HexQuantity.Format(gasPrice));
        if (MaxFeePerGas is { } maxFee) writer.WriteString("maxFeePerGas"u8, HexQuantity.Format(maxFee));
        if (MaxPriorityFeePerGas is { } tip) writer.WriteString("maxPriorityFeePerGas"u8, HexQuantity.Format(tip));
        if (Nonce is { } nonce) writer.WriteString("nonce"u8, HexQuantity.Format(nonce));
        writer.WriteEndObject();
    }
}
