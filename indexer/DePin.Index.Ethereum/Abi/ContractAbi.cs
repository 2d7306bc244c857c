using System.Text.Json;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Abi;

/// <summary>
/// A contract's JSON ABI: functions, events and custom errors with lookups by name or signature and by
/// selector / topic0. Parse it with <see cref="Parse(string)"/> from the solc/Hardhat JSON array (or an
/// artifact object holding an <c>"abi"</c> array).
/// </summary>
public sealed class ContractAbi
{
    private readonly Dictionary<Selector, FunctionAbi> _functionsBySelector = [];
    private readonly Dictionary<Hash32, EventAbi> _eventsByTopic = [];
    private readonly Dictionary<Selector, ErrorAbi> _errorsBySelector = [];

    public ContractAbi(IEnumerable<FunctionAbi> functions, IEnumerable<EventAbi> events, IEnumerable<ErrorAbi> errors,
        IReadOnlyList<AbiParameter>? constructorInputs = null, bool hasFallback = false, bool hasReceive = false)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(errors);
        Functions = [.. functions];
        Events = [.. events];
        Errors = [.. errors];
        ConstructorInputs = constructorInputs;
        HasFallback = hasFallback;
        HasReceive = hasReceive;
        foreach (var f in Functions)
        {
            if (_functionsBySelector.TryGetValue(f.Selector, out var other))
                throw new AbiException(other.Signature == f.Signature ? $"function {f.Signature} is defined twice" : $"functions {other.Signature} and {f.Signature} have the same selector {f.Selector}");
            _functionsBySelector.Add(f.Selector, f);
        }
        foreach (var e in Events)
        {
            if (!_eventsByTopic.TryAdd(e.Topic0, e)) throw new AbiException($"event {e.Signature} is defined twice");
        }
        foreach (var e in Errors)
        {
            if (_errorsBySelector.TryGetValue(e.Selector, out var other) && other.Signature != e.Signature)
                throw new AbiException($"errors {other.Signature} and {e.Signature} have the same selector {e.Selector}");
            _errorsBySelector.TryAdd(e.Selector, e);
        }
    }

    public IReadOnlyList<FunctionAbi> Functions { get; }

    public IReadOnlyList<EventAbi> Events { get; }

    public IReadOnlyList<ErrorAbi> Errors { get; }

    /// <summary>The constructor's inputs, or null when the ABI declares no constructor.</summary>
    public IReadOnlyList<AbiParameter>? ConstructorInputs { get; }

    public bool HasFallback { get; }

    public bool HasReceive { get; }

    /// <summary>Parses a JSON ABI.</summary>
    /// <exception cref="AbiException">for invalid JSON or an invalid entry; the message names the entry and field.</exception>
    public static ContractAbi Parse(string json) => From(AbiJsonParser.Parse(json));

    /// <summary>Parses a JSON ABI already read into a <see cref="JsonElement"/>.</summary>
    public static ContractAbi Parse(JsonElement json) => From(AbiJsonParser.Parse(json));

    /// <summary>Reads and parses a JSON ABI file (an ABI array or a build artifact with "abi").</summary>
    public static ContractAbi Load(string path)
    {
        var json = File.ReadAllText(path);
        try
        {
            return Parse(json);
        }
        catch (AbiException e)
        {
            throw new AbiException($"{path}: {e.Message}", e);
        }
    }

    public FunctionAbi GetFunction(string nameOrSignature) =>
        Find(Functions, nameOrSignature, f => f.Name, f => f.Signature, s => FunctionAbi.Parse(s).Signature, "function");

    public bool TryGetFunction(Selector selector, out FunctionAbi function) =>
        _functionsBySelector.TryGetValue(selector, out function!);

    public FunctionAbi GetFunction(Selector selector) =>
        TryGetFunction(selector, out var f) ? f : throw new AbiException($"the ABI has no function with selector {selector}");

    /// <summary>All overloads of a function name.</summary>
    public IReadOnlyList<FunctionAbi> GetFunctions(string name) => [.. Functions.Where(f => f.Name == name)];

    public EventAbi GetEvent(string nameOrSignature) =>
        Find(Events, nameOrSignature, e => e.Name, e => e.Signature, s => EventAbi.Parse(s).Signature, "event");

    public bool TryGetEvent(Hash32 topic0, out EventAbi ev) => _eventsByTopic.TryGetValue(topic0, out ev!);

    public EventAbi GetEvent(Hash32 topic0) =>
        TryGetEvent(topic0, out var e) ? e : throw new AbiException($"the ABI has no event with topic0 {topic0}");

    public ErrorAbi GetError(string nameOrSignature) =>
        Find(Errors, nameOrSignature, e => e.Name, e => e.Signature, s => ErrorAbi.Parse(s).Signature, "error");

    public bool TryGetError(Selector selector, out ErrorAbi error) => _errorsBySelector.TryGetValue(selector, out error!);

    /// <summary>Call data for a function given by name (when not overloaded) or signature.</summary>
    public byte[] EncodeCall(string nameOrSignature, params object?[] arguments) => GetFunction(nameOrSignature).EncodeCall(arguments);

    /// <summary>Decodes revert data: Error(string), Panic(uint256) or one of this ABI's custom errors.</summary>
    public DecodedRevert DecodeRevert(ReadOnlySpan<byte> revertData) => RevertDecoder.Decode(revertData, this);

    /// <summary>Decodes a log of one of this ABI's (non-anonymous) events, picked by topic0.</summary>
    public DecodedEvent DecodeLog(ReadOnlySpan<Hash32> topics, ReadOnlySpan<byte> data)
    {
        if (topics.IsEmpty) throw new AbiException("the log has no topics, so no topic0 to find its event by");
        return GetEvent(topics[0]).Decode(topics, data);
    }

    /// <summary>A topic0-indexed decoder over this ABI's events.</summary>
    public LogDecoder CreateLogDecoder() => new(Events);

    private static ContractAbi From(AbiJsonParser.Result r) =>
        new(r.Functions, r.Events, r.Errors, r.Constructor, r.HasFallback, r.HasReceive);

    private static T Find<T>(IReadOnlyList<T> items, string key, Func<T, string> name, Func<T, string> signature, Func<string, string> canonical, string what)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Contains('(', StringComparison.Ordinal))
        {
            var wanted = canonical(key);
            foreach (var item in items)
                if (signature(item) == wanted) return item;
            throw new AbiException($"the ABI has no {what} {wanted}");
        }
        var matches = items.Where(i => name(i) == key).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new AbiException($"the ABI has no {what} named '{key}' (it has: {string.Join(", ", items.Select(name).Distinct().Take(20))})"),
            _ => throw new AbiException($"{what} name '{key}' is overloaded ({string.Join(", ", matches.Select(signature))}); give the signature"),
        };
    }
}
