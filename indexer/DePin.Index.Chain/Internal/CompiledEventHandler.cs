using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Subgraph.Manifest;

namespace DePin.Index.Chain.Internal;

/// <summary>An event handler with its topic0, topic1–3 filters and expected topic count resolved once.</summary>
internal sealed class CompiledEventHandler(MappingEventHandler handler)
{
    private readonly int? _topicCount = EventSignature.TopicCount(handler.Event);

    public MappingEventHandler Handler { get; } = handler;

    public Hash32 Topic0 { get; } = EventSignature.Topic0(handler);

    /// <summary>graph-node <c>MappingEventHandler::matches</c>: topic0 and each topic filter (a missing topic fails a filter).</summary>
    public bool Matches(Log log)
    {
        var topics = log.Topics;
        if (topics.Length == 0 || topics[0] != Topic0) return false;
        if (_topicCount is { } count && topics.Length != count) return false;
        return Allows(topics, 1, Handler.Topic1) && Allows(topics, 2, Handler.Topic2) && Allows(topics, 3, Handler.Topic3);
    }

    private static bool Allows(Hash32[] topics, int index, IReadOnlyList<Hash32>? allowed)
    {
        if (allowed is null) return true;
        if (index >= topics.Length) return false;
        var t = topics[index];
        for (var i = 0; i < allowed.Count; i++)
        {
            if (allowed[i] == t) return true;
        }
        return false;
    }
}
