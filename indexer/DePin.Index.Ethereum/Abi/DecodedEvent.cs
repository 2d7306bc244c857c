namespace DePin.Index.Ethereum.Abi;

/// <summary>A decoded log: its <see cref="EventAbi"/> and the parameter values in declaration order.</summary>
public sealed class DecodedEvent
{
    private readonly object[] _values;

    internal DecodedEvent(EventAbi ev, object[] values)
    {
        Event = ev;
        _values = values;
    }

    public EventAbi Event { get; }

    public string Name => Event.Name;

    /// <summary>Values in declaration order (see <see cref="AbiType"/> for the .NET types).</summary>
    public IReadOnlyList<object> Values => _values;

    public int Count => _values.Length;

    public object this[int index] => _values[index];

    /// <summary>The value of the named parameter.</summary>
    /// <exception cref="KeyNotFoundException">when the event has no parameter of that name.</exception>
    public object this[string name]
    {
        get
        {
            var i = Event.IndexOf(name);
            return i >= 0 ? _values[i] : throw new KeyNotFoundException($"event {Event.Signature} has no parameter named '{name}'");
        }
    }

    public bool TryGetValue(string name, out object? value)
    {
        var i = Event.IndexOf(name);
        value = i >= 0 ? _values[i] : null;
        return i >= 0;
    }

    /// <summary>The named value as <typeparamref name="T"/> (e.g. BigInteger, Address, byte[]).</summary>
    /// <exception cref="InvalidCastException">when the value has another type; the message names both.</exception>
    public T Get<T>(string name)
    {
        var value = this[name];
        return value is T t ? t : throw new InvalidCastException($"parameter '{name}' of {Event.Signature} is a {value.GetType().Name}, not a {typeof(T).Name}");
    }

    /// <summary>For example <c>ProofSubmitted(deviceId=1, owner=0xAb…, …)</c>.</summary>
    public override string ToString() => AbiValueFormatter.FormatCall(Name, Event.Inputs, _values);
}
