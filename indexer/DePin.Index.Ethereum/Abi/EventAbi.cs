using System.Text;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Abi;

/// <summary>
/// A contract event: name, inputs (with <see cref="AbiParameter.Indexed"/>), <see cref="Anonymous"/>, canonical
/// <see cref="Signature"/> and <see cref="Topic0"/> = keccak256(signature). <see cref="Decode"/> turns a log's
/// topics and data into a <see cref="DecodedEvent"/> with the values in declaration order; indexed parameters of
/// a non-elementary type (string, bytes, arrays, tuples) come back as their 32-byte topic (a hash) in a byte[].
/// </summary>
public sealed class EventAbi
{
    private readonly EventDecodePlan _plan;
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);

    public EventAbi(string name, IReadOnlyList<AbiParameter> inputs, bool anonymous = false)
    {
        AbiSignature.CheckName(name, "event");
        Name = name;
        Inputs = AbiSignature.CheckParameters(inputs, $"event {name} input", allowIndexed: true);
        Anonymous = anonymous;
        Signature = AbiSignature.Build(name, Inputs);
        Topic0 = Hash32.Of(Signature);
        IndexedCount = Inputs.Count(p => p.Indexed);
        var maxIndexed = anonymous ? 4 : 3;
        if (IndexedCount > maxIndexed)
            throw new AbiException($"event {Signature} has {IndexedCount} indexed parameters; a{(anonymous ? "n anonymous" : "")} event may have at most {maxIndexed}");
        for (var i = 0; i < Inputs.Count; i++)
            if (Inputs[i].Name.Length > 0) _byName.TryAdd(Inputs[i].Name, i);
        _plan = new EventDecodePlan(this);
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public bool Anonymous { get; }

    /// <summary>Canonical signature, e.g. <c>Transfer(address,address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>keccak256(<see cref="Signature"/>): the first topic of every log of a non-anonymous event.</summary>
    public Hash32 Topic0 { get; }

    public int IndexedCount { get; }

    /// <summary>Number of topics a log of this event has (indexed parameters, plus topic0 unless anonymous).</summary>
    public int TopicCount => _plan.TopicCount;

    /// <summary>The signature as graph-node manifests write it, e.g. <c>Transfer(indexed address,indexed address,uint256)</c>.</summary>
    public string ManifestSignature
    {
        get
        {
            var sb = new StringBuilder(Name).Append('(');
            for (var i = 0; i < Inputs.Count; i++)
            {
                if (i > 0) sb.Append(',');
                if (Inputs[i].Indexed) sb.Append("indexed ");
                sb.Append(Inputs[i].Type.CanonicalName);
            }
            return sb.Append(')').ToString();
        }
    }

    /// <summary>Parses <c>[event] Name(type [indexed] [name], …) [anonymous]</c>.</summary>
    public static EventAbi Parse(string declaration)
    {
        var d = AbiHumanReadable.Parse(declaration, "event");
        if (d.Outputs.Length > 0) throw new AbiException($"event declaration '{AbiType.Truncate(declaration)}' cannot have outputs");
        return new EventAbi(d.Name, d.Inputs, d.Modifiers.Contains("anonymous"));
    }

    /// <summary>Index of the parameter with this name, or -1.</summary>
    public int IndexOf(string name) => _byName.TryGetValue(name, out var i) ? i : -1;

    /// <summary>True when the log's topic count (and topic0, unless anonymous) match this event.</summary>
    public bool Matches(ReadOnlySpan<Hash32> topics) =>
        topics.Length == TopicCount && (Anonymous || topics[0] == Topic0);

    /// <summary>Decodes a log of this event.</summary>
    /// <exception cref="AbiException">when topic0 or the topic count do not match, or the data is not a valid encoding.</exception>
    public DecodedEvent Decode(ReadOnlySpan<Hash32> topics, ReadOnlySpan<byte> data) => new(this, _plan.Decode(topics, data));

    /// <summary>
    /// Builds a log (topics and data) for these values, in declaration order, as the EVM would emit it. An indexed
    /// string or bytes value is hashed; for an indexed array or tuple pass the topic itself as a <see cref="Hash32"/>
    /// (a Hash32 is also accepted for indexed string and bytes).
    /// </summary>
    public (Hash32[] Topics, byte[] Data) EncodeLog(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Inputs.Count) throw new AbiException($"event {Signature} has {Inputs.Count} parameters, got {values.Length} values");
        var topics = new List<Hash32>(TopicCount);
        if (!Anonymous) topics.Add(Topic0);
        var dataParameters = new List<AbiParameter>();
        var dataValues = new List<object?>();
        for (var i = 0; i < Inputs.Count; i++)
        {
            var p = Inputs[i];
            if (!p.Indexed)
            {
                dataParameters.Add(p);
                dataValues.Add(values[i]);
                continue;
            }
            try
            {
                topics.Add(EncodeTopic(p.Type, values[i]));
            }
            catch (AbiException e)
            {
                throw new AbiException($"event {Signature}: indexed '{p.Name}' ({p.Type.CanonicalName}): {e.Message}", e);
            }
        }
        return ([.. topics], AbiEncoder.Encode(dataParameters, dataValues));
    }

    public override string ToString() => Signature;

    private static Hash32 EncodeTopic(AbiType type, object? value)
    {
        if (value is Hash32 h && !type.IsElementary) return h;
        switch (type.Kind)
        {
            case AbiKind.String when value is string s:
                return Hash32.Of(Encoding.UTF8.GetBytes(s));
            case AbiKind.Bytes when value is byte[] b:
                return Hash32.Of(b);
            case AbiKind.String or AbiKind.Bytes or AbiKind.Array or AbiKind.FixedArray or AbiKind.Tuple:
                throw new AbiException($"pass the topic of an indexed {type.CanonicalName} as a Hash32, got {value?.GetType().Name ?? "null"}");
            default:
                return new Hash32(AbiEncoder.Encode(type, value));
        }
    }
}
