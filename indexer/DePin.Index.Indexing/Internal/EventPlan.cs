using DePin.Index.Ethereum.Abi;
using DePin.Index.Runtime.Triggers;

namespace DePin.Index.Indexing.Internal;

/// <summary>An event handler's ABI event with its parameter names and types, resolved once.</summary>
internal sealed class EventPlan
{
    private readonly string[] _names;
    private readonly AbiType[] _types;

    public EventPlan(EventAbi abi)
    {
        Abi = abi;
        _names = new string[abi.Inputs.Count];
        _types = new AbiType[abi.Inputs.Count];
        for (var i = 0; i < _names.Length; i++)
        {
            // graph-cli's generated classes read parameters by position; unnamed ones get ethabi's empty name.
            _names[i] = abi.Inputs[i].Name;
            _types[i] = abi.Inputs[i].Type;
        }
    }

    public EventAbi Abi { get; }

    /// <summary>Decodes a log into the handler's parameters.</summary>
    /// <exception cref="AbiException">when the log does not match the event (topic count, data).</exception>
    public EventParam[] Decode(ReadOnlySpan<Ethereum.Primitives.Hash32> topics, ReadOnlySpan<byte> data)
    {
        var decoded = Abi.Decode(topics, data);
        var parameters = new EventParam[_names.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = new EventParam(_names[i], _types[i], decoded[i]);
        }

        return parameters;
    }
}
