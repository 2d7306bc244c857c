using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Abi;

/// <summary>
/// Per-event decoding plan computed once: which topic feeds which parameter (decoded or kept as a hash),
/// and the data tuple's types and target positions. Decoding then allocates only the values themselves.
/// </summary>
internal sealed class EventDecodePlan
{
    private readonly EventAbi _event;
    private readonly int _firstTopic;
    private readonly int[] _topicTargets;
    private readonly AbiType[] _topicTypes;
    private readonly bool[] _topicHashed;
    private readonly AbiType[] _dataTypes;
    private readonly int[] _dataTargets;
    private readonly AbiParameter[] _dataParameters;
    private readonly int _dataHeadSize;

    public EventDecodePlan(EventAbi ev)
    {
        _event = ev;
        _firstTopic = ev.Anonymous ? 0 : 1;
        var topicTargets = new List<int>();
        var dataTargets = new List<int>();
        for (var i = 0; i < ev.Inputs.Count; i++) (ev.Inputs[i].Indexed ? topicTargets : dataTargets).Add(i);
        _topicTargets = [.. topicTargets];
        _topicTypes = [.. topicTargets.Select(i => ev.Inputs[i].Type)];
        _topicHashed = [.. _topicTypes.Select(t => !t.IsElementary)];
        _dataTargets = [.. dataTargets];
        _dataParameters = [.. dataTargets.Select(i => ev.Inputs[i])];
        _dataTypes = [.. _dataParameters.Select(p => p.Type)];
        _dataHeadSize = _dataTypes.Sum(t => t.HeadSize);
    }

    public int TopicCount => _firstTopic + _topicTargets.Length;

    public object[] Decode(ReadOnlySpan<Hash32> topics, ReadOnlySpan<byte> data)
    {
        if (topics.Length != TopicCount)
            throw new AbiException($"event {_event.Signature} has {TopicCount} topics ({_topicTargets.Length} indexed{(_event.Anonymous ? ", anonymous" : " + topic0")}), the log has {topics.Length}");
        if (_firstTopic == 1 && topics[0] != _event.Topic0)
            throw new AbiException($"log topic0 {topics[0]} is not {_event.Topic0} of event {_event.Signature}");
        if (data.Length < _dataHeadSize)
            throw new AbiException($"event {_event.Signature}: data is {data.Length} bytes, its non-indexed parameters need at least {_dataHeadSize}");

        var values = new object[_event.Inputs.Count];
        Span<byte> word = stackalloc byte[AbiWords.WordSize];
        for (var i = 0; i < _topicTargets.Length; i++)
        {
            topics[_firstTopic + i].CopyTo(word);
            if (_topicHashed[i])
            {
                values[_topicTargets[i]] = word.ToArray();
                continue;
            }
            try
            {
                values[_topicTargets[i]] = AbiWords.ReadElementary(_topicTypes[i], word);
            }
            catch (AbiException e)
            {
                var p = _event.Inputs[_topicTargets[i]];
                throw new AbiException($"event {_event.Signature}: topic {_firstTopic + i} (indexed '{p.Name}', {p.Type.CanonicalName}): {e.Message}", e);
            }
        }
        if (_dataTypes.Length > 0)
        {
            try
            {
                new AbiReader(data).ReadTuple(_dataTypes, values, _dataTargets, 0, _dataParameters);
            }
            catch (AbiException e)
            {
                throw new AbiException($"event {_event.Signature}: data: {e.Message}", e);
            }
        }
        return values;
    }
}
