using System.Text.Json;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc.Internal;

namespace DePin.Index.Ethereum.Rpc;

/// <summary>
/// An <c>eth_getLogs</c> filter. <see cref="Addresses"/> empty = any address. <see cref="Topics"/> holds one entry
/// per topic position: null or empty = any value at that position, otherwise any of the listed values
/// (e.g. <c>[[transfer], null, [owner]]</c>). At most 4 positions.
/// </summary>
public sealed record LogFilter : IRpcParam
{
    public BlockParameter FromBlock { get; init; } = BlockParameter.Earliest;

    public BlockParameter ToBlock { get; init; } = BlockParameter.Latest;

    public IReadOnlyList<Address> Addresses { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<Hash32>?> Topics { get; init; } = [];

    /// <summary>A filter over an inclusive block range.</summary>
    public static LogFilter Range(long fromBlock, long toBlock, params Address[] addresses) =>
        new() { FromBlock = fromBlock, ToBlock = toBlock, Addresses = addresses };

    void IRpcParam.WriteJson(Utf8JsonWriter writer)
    {
        if (FromBlock.Hash is not null || ToBlock.Hash is not null)
            throw new ArgumentException("eth_getLogs takes block numbers or tags, not block hashes");
        if (FromBlock.IsNumber && ToBlock.IsNumber && FromBlock.Number > ToBlock.Number)
            throw new ArgumentException($"log filter range is empty: fromBlock {FromBlock.Number} > toBlock {ToBlock.Number}");
        if (Topics.Count > 4) throw new ArgumentException($"a log filter has at most 4 topic positions, got {Topics.Count}");
        writer.WriteStartObject();
        writer.WriteString("fromBlock"u8, FromBlock.ToString());
        writer.WriteString("toBlock"u8, ToBlock.ToString());
        if (Addresses.Count > 0)
        {
            writer.WriteStartArray("address"u8);
            foreach (var a in Addresses) writer.WriteStringValue(a.ToHex());
            writer.WriteEndArray();
        }
        if (Topics.Count > 0)
        {
            writer.WriteStartArray("topics"u8);
            foreach (var position in Topics)
            {
                if (position is null || position.Count == 0)
                {
                    writer.WriteNullValue();
                    continue;
                }
                writer.WriteStartArray();
                foreach (var t in position) writer.WriteStringValue(t.ToHex());
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }
}
