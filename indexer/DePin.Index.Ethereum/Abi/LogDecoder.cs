using System.Diagnostics.CodeAnalysis;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Abi;

/// <summary>
/// Bulk log decoding over many events: picks the event by topic0 (a dictionary on <see cref="Hash32"/>) and
/// the topic count, then runs that event's precomputed decoding plan. Events sharing a signature but not the
/// indexed layout (ERC-20 vs ERC-721 <c>Transfer</c>) are told apart by topic count. Anonymous events have no
/// topic0 and are not registered: decode them with <see cref="EventAbi.Decode"/>. Thread-safe after construction.
/// </summary>
public sealed class LogDecoder
{
    private readonly Dictionary<Hash32, EventAbi[]> _byTopic0 = [];

    public LogDecoder(IEnumerable<EventAbi> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var all = new List<EventAbi>();
        foreach (var ev in events)
        {
            ArgumentNullException.ThrowIfNull(ev);
            if (ev.Anonymous) continue;
            var candidates = _byTopic0.GetValueOrDefault(ev.Topic0, []);
            if (Array.Exists(candidates, c => c.ManifestSignature == ev.ManifestSignature)) continue;
            _byTopic0[ev.Topic0] = [.. candidates, ev];
            all.Add(ev);
        }
        Events = all;
    }

    /// <summary>Creates a decoder over the events of several contract ABIs.</summary>
    public static LogDecoder For(params ContractAbi[] abis) => new(abis.SelectMany(a => a.Events));

    /// <summary>The registered (non-anonymous, de-duplicated) events.</summary>
    public IReadOnlyList<EventAbi> Events { get; }

    /// <summary>Finds the event a log belongs to by topic0 and topic count.</summary>
    public bool TryGetEvent(ReadOnlySpan<Hash32> topics, [NotNullWhen(true)] out EventAbi? ev)
    {
        ev = null;
        if (topics.IsEmpty || !_byTopic0.TryGetValue(topics[0], out var candidates)) return false;
        foreach (var c in candidates)
        {
            if (c.TopicCount != topics.Length) continue;
            ev = c;
            return true;
        }
        return false;
    }

    /// <summary>
    /// Decodes the log when one of the events matches its topic0 and topic count; returns false (and does not
    /// throw) for logs of other events.
    /// </summary>
    /// <exception cref="AbiException">when an event matches but the log's data or indexed values are malformed.</exception>
    public bool TryDecode(ReadOnlySpan<Hash32> topics, ReadOnlySpan<byte> data, [NotNullWhen(true)] out DecodedEvent? decoded)
    {
        if (!TryGetEvent(topics, out var ev))
        {
            decoded = null;
            return false;
        }
        decoded = ev.Decode(topics, data);
        return true;
    }

    /// <summary>Decodes a log of one of the registered events.</summary>
    /// <exception cref="AbiException">when no event matches or the log is malformed.</exception>
    public DecodedEvent Decode(ReadOnlySpan<Hash32> topics, ReadOnlySpan<byte> data)
    {
        if (TryDecode(topics, data, out var decoded)) return decoded;
        if (topics.IsEmpty) throw new AbiException("the log has no topics, so no topic0 to find its event by");
        if (_byTopic0.TryGetValue(topics[0], out var candidates))
            throw new AbiException($"log with topic0 {topics[0]} has {topics.Length} topics; known events with that topic0 need {string.Join(" or ", candidates.Select(c => $"{c.TopicCount} ({c.ManifestSignature})"))}");
        throw new AbiException($"no known event has topic0 {topics[0]}");
    }
}
