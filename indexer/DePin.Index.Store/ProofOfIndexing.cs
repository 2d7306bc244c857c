using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Store.Internal;

namespace DePin.Index.Store;

/// <summary>
/// Proof of indexing: a digest of every entity change of a deployment, chained block after block, so two
/// nodes that indexed the same blocks with the same mappings hold the same digest. Pure; the encoding is
/// fixed and versioned ("depin-poi-v1"):
/// <list type="number">
/// <item>The block's changes are collapsed per (entity type, id): the last change wins; Insert and Overwrite
/// are both a <b>set</b> event, Remove a <b>remove</b> event. Ids are taken as the mapping wrote them.</item>
/// <item>Each event is encoded (see <see cref="PoiEncoding"/>): <c>0x01 ‖ str(type) ‖ str(id) ‖ u32 n ‖ n × (str(field) ‖ value)</c>
/// for a set, with the non-null fields sorted by the UTF-8 bytes of their names, and <c>0x02 ‖ str(type) ‖ str(id)</c>
/// for a remove. <c>str</c> is a big-endian u32 byte length and the UTF-8 bytes.</item>
/// <item>The encodings are sorted bytewise, so the order in which handlers touched different entities does not matter.</item>
/// <item>digest(B) = keccak256(<c>"depin-poi-v1"</c> ‖ digest(previous block with changes), or 32 zero bytes ‖ i32 B ‖ u32 event count ‖ the sorted encodings).</item>
/// <item>A block without changes leaves the digest as it was (no new digest is stored for it).</item>
/// </list>
/// This is our own scheme for a private network, not graph-node's stable-hash POI (see the-graph.md §A.5).
/// </summary>
public static class ProofOfIndexing
{
    /// <summary>The domain prefix of every block digest.</summary>
    public const string Version = "depin-poi-v1";

    private static readonly byte[] Domain = Encoding.ASCII.GetBytes(Version);
    private static readonly byte[] FinalDomain = Encoding.ASCII.GetBytes("depin-poi-final-v1");

    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? _encoded;

    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? _input;

    private static System.Buffers.ArrayBufferWriter<byte> Encoded => _encoded ??= new System.Buffers.ArrayBufferWriter<byte>(1 << 16);

    private static System.Buffers.ArrayBufferWriter<byte> Input => _input ??= new System.Buffers.ArrayBufferWriter<byte>(1 << 16);

    /// <summary>The digest after <paramref name="block"/>, given the digest before it (<see cref="Hash32.Zero"/> at the start).</summary>
    /// <exception cref="StoreException">when a change is for another block.</exception>
    public static Hash32 NextDigest(Hash32 previous, int block, IEnumerable<EntityModification> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var last = new Dictionary<(string Type, string Id), EntityModification>();
        foreach (var m in changes)
        {
            if (m.Block != block)
            {
                throw new StoreException($"proof of indexing of block {block}: {m.EntityType} '{m.Id}' changed at block {m.Block}");
            }

            last[(m.EntityType, m.Id)] = m;
        }

        if (last.Count == 0)
        {
            return previous;
        }

        // Every event encoded into one buffer, then sorted by its bytes (no array per event).
        var encoded = Encoded;
        encoded.ResetWrittenCount();
        var spans = new (int Start, int Length)[last.Count];
        var n = 0;
        foreach (var m in last.Values)
        {
            var start = encoded.WrittenCount;
            PoiEncoding.Write(encoded, m);
            spans[n++] = (start, encoded.WrittenCount - start);
        }

        var bytes = encoded.WrittenMemory;
        Array.Sort(spans, (a, b) => bytes.Span.Slice(a.Start, a.Length).SequenceCompareTo(bytes.Span.Slice(b.Start, b.Length)));
        var input = Input;
        input.ResetWrittenCount();
        input.Write(Domain);
        var head = input.GetSpan(40);
        previous.CopyTo(head);
        BinaryPrimitives.WriteInt32BigEndian(head[32..], block);
        BinaryPrimitives.WriteUInt32BigEndian(head[36..], (uint)spans.Length);
        input.Advance(40);
        foreach (var (start, length) in spans)
        {
            input.Write(bytes.Span.Slice(start, length));
        }

        return new Hash32(Keccak256.Hash(input.WrittenSpan));
    }

    /// <summary>
    /// The digests of consecutive blocks of a batch, chained from <paramref name="previous"/>: one
    /// <see cref="PoiDigest"/> per block that has changes, ready for <see cref="WriteBatch.Pois"/>.
    /// </summary>
    public static IReadOnlyList<PoiDigest> Digests(Hash32 previous, IEnumerable<EntityModification> modifications)
    {
        ArgumentNullException.ThrowIfNull(modifications);
        var result = new List<PoiDigest>();
        foreach (var group in modifications.GroupBy(m => m.Block).OrderBy(g => g.Key))
        {
            previous = NextDigest(previous, group.Key, group);
            result.Add(new PoiDigest(group.Key, previous));
        }

        return result;
    }

    /// <summary>
    /// The proof a node publishes for a deployment at a block: keccak256(<c>"depin-poi-final-v1"</c> ‖ str(deployment id) ‖
    /// block hash ‖ i32 block number ‖ indexer address (20 zero bytes when none) ‖ digest as of the block).
    /// </summary>
    public static Hash32 Finish(Hash32 digest, string deploymentId, BlockPtr block, Address? indexer = null)
    {
        ArgumentNullException.ThrowIfNull(deploymentId);
        using var buffer = new MemoryStream();
        buffer.Write(FinalDomain);
        PoiEncoding.WriteString(buffer, deploymentId);
        Span<byte> tail = stackalloc byte[32 + 4 + 20 + 32];
        block.Hash.CopyTo(tail);
        BinaryPrimitives.WriteInt32BigEndian(tail[32..], block.Number);
        (indexer ?? Address.Zero).CopyTo(tail[36..]);
        digest.CopyTo(tail[56..]);
        buffer.Write(tail);
        return new Hash32(Keccak256.Hash(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }
}
