using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Protocol;

/// <summary>A mined, successful protocol transaction with its decoded events (in log order).</summary>
public sealed record ProtocolReceipt(TransactionReceipt Receipt, IReadOnlyList<ProtocolEvent> Events)
{
    public Hash32 TransactionHash => Receipt.TransactionHash;
    public long BlockNumber => Receipt.BlockNumber;
    public long GasUsed => Receipt.GasUsed;

    /// <summary>The single event named <paramref name="name"/>.</summary>
    /// <exception cref="ProtocolException">none or several.</exception>
    public ProtocolEvent Event(string name)
    {
        var found = Events.Where(e => e.Name == name).ToList();
        return found.Count == 1
            ? found[0]
            : throw new ProtocolException($"transaction {TransactionHash} emitted {found.Count} {name} events, expected one (got: {string.Join(", ", Events.Select(e => e.Name))})");
    }

    public IEnumerable<ProtocolEvent> EventsNamed(string name) => Events.Where(e => e.Name == name);
}
