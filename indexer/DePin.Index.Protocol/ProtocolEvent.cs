using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Protocol;

/// <summary>An event of a protocol contract, decoded: <c>e["tokens"]</c>, <c>e.Get&lt;BigInteger&gt;("shares")</c>.</summary>
public sealed record ProtocolEvent(string Contract, Address Address, DecodedEvent Decoded, Log Log)
{
    public string Name => Decoded.Name;

    public object this[string name] => Decoded[name];

    public T Get<T>(string name) => Decoded.Get<T>(name);

    public override string ToString() => $"{Contract}.{Decoded}";
}
