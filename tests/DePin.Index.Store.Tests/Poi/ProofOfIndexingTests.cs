using System.Buffers.Binary;
using System.Text;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Store.Tests.Fixtures;
using DePin.Index.Subgraph.Values;
using Snapshooter.Xunit;
using static DePin.Index.Store.EntityModification;

namespace DePin.Index.Store.Tests.Poi;

public sealed class ProofOfIndexingTests
{
    private static Entity Device(int proofs) => V.Entity(("id", V.S("1")), ("proofCount", V.Big(proofs)), ("active", V.Bool(true)));

    private static EntityModification[] Block7() =>
    [
        Insert("Device", "1", Device(1), 7),
        Insert("Proof", "0xaa", V.Entity(("id", V.B("0xaa")), ("device", V.S("1"))), 7),
        Remove("Owner", "0x01", 7),
    ];

    [Fact]
    public void The_digest_is_the_documented_encoding_hashed()
    {
        // Built by hand from the encoding in ProofOfIndexing's documentation.
        static byte[] U32(int n)
        {
            var b = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(b, n);
            return b;
        }

        static byte[] Str(string s) => [.. U32(Encoding.UTF8.GetByteCount(s)), .. Encoding.UTF8.GetBytes(s)];
        byte[] device = [1, .. Str("Device"), .. Str("1"), .. U32(3),
            .. Str("active"), 3, 1,
            .. Str("id"), 0, .. Str("1"),
            .. Str("proofCount"), 7, .. U32(1), 1];
        byte[] proof = [1, .. Str("Proof"), .. Str("0xaa"), .. U32(2), .. Str("device"), 0, .. Str("1"), .. Str("id"), 6, .. U32(1), 0xaa];
        byte[] owner = [2, .. Str("Owner"), .. Str("0x01")];
        // Sorted bytewise: the proof's type name is shorter (its length prefix sorts first), a remove (tag 2) comes last.
        byte[] input = [.. Encoding.ASCII.GetBytes("depin-poi-v1"), .. new byte[32], .. U32(7), .. U32(3), .. proof, .. device, .. owner];
        Assert.Equal(new Hash32(Keccak256.Hash(input)), ProofOfIndexing.NextDigest(Hash32.Zero, 7, Block7()));
    }

    [Fact]
    public void Known_answer() =>
        Snapshot.Match(ProofOfIndexing.Digests(Hash32.Zero, [.. Block7(), Overwrite("Device", "1", Device(2), 8)]).Select(p => $"{p.Block} {p.Digest.ToHex()}").ToArray());

    [Fact]
    public void Order_of_entities_field_order_and_null_fields_do_not_matter()
    {
        var a = ProofOfIndexing.NextDigest(Hash32.Zero, 7, Block7());
        var reordered = Block7().Reverse().ToArray();
        reordered[^1] = Insert("Device", "1", V.Entity(("proofCount", V.Big(1)), ("active", V.Bool(true)), ("id", V.S("1")), ("lastProof", Value.Null)), 7);
        Assert.Equal(a, ProofOfIndexing.NextDigest(Hash32.Zero, 7, reordered));
        Assert.Equal(a, ProofOfIndexing.NextDigest(Hash32.Zero, 7, Block7().Select(m => m with { Kind = m.Kind == ModificationKind.Insert ? ModificationKind.Overwrite : m.Kind })));
    }

    [Fact]
    public void The_last_change_of_an_entity_in_the_block_counts()
    {
        var twice = ProofOfIndexing.NextDigest(Hash32.Zero, 7, [Insert("Device", "1", Device(5), 7), Overwrite("Device", "1", Device(1), 7), .. Block7()[1..]]);
        Assert.Equal(ProofOfIndexing.NextDigest(Hash32.Zero, 7, Block7()), twice);
        var removed = ProofOfIndexing.NextDigest(Hash32.Zero, 7, [.. Block7(), Remove("Device", "1", 7)]);
        Assert.NotEqual(twice, removed);
    }

    public static TheoryData<Value, Value> DifferentValues() => new()
    {
        { V.I(1), V.Big(1) },
        { V.I8(1), V.Ts(1) },
        { V.S("0xaa"), V.B("0xaa") },
        { V.Big(-1), V.Big(255) },
        { V.Dec("1.5"), V.Dec("15") },
        { V.List(V.S("a"), V.S("b")), V.List(V.S("ab")) },
        { V.List(Value.Null), V.List() },
        { V.S("a\u00e9"), V.S("ae\u0301") },
        { V.Bool(false), V.I(0) },
    };

    [Theory]
    [MemberData(nameof(DifferentValues))]
    public void Different_values_give_different_digests(Value one, Value other)
    {
        Hash32 Of(Value v) => ProofOfIndexing.NextDigest(Hash32.Zero, 1, [Insert("T", "x", V.Entity(("f", v)), 1)]);
        Assert.NotEqual(Of(one), Of(other));
    }

    [Fact]
    public void Digests_chain_and_blocks_without_changes_keep_the_digest()
    {
        var d7 = ProofOfIndexing.NextDigest(Hash32.Zero, 7, Block7());
        Assert.Equal(d7, ProofOfIndexing.NextDigest(d7, 8, []));
        var d9 = ProofOfIndexing.NextDigest(d7, 9, [Remove("Device", "1", 9)]);
        var otherHistory = ProofOfIndexing.NextDigest(ProofOfIndexing.NextDigest(Hash32.Zero, 7, Block7()[..2]), 9, [Remove("Device", "1", 9)]);
        Assert.NotEqual(d9, otherHistory);
        Assert.NotEqual(d9, ProofOfIndexing.NextDigest(d7, 10, [Remove("Device", "1", 10)]));
        Assert.Equal([new PoiDigest(7, d7), new PoiDigest(9, d9)], ProofOfIndexing.Digests(Hash32.Zero, [.. Block7(), Remove("Device", "1", 9)]));
    }

    [Fact]
    public void A_change_of_another_block_is_refused() =>
        Assert.Equal("proof of indexing of block 8: Device '1' changed at block 7",
            Assert.Throws<StoreException>(() => ProofOfIndexing.NextDigest(Hash32.Zero, 8, Block7())).Message);

    [Fact]
    public void The_published_proof_binds_deployment_block_and_indexer()
    {
        var digest = ProofOfIndexing.NextDigest(Hash32.Zero, 7, Block7());
        var block = new BlockPtr(7, Hash32.Of("b7"));
        var indexer = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        var proof = ProofOfIndexing.Finish(digest, "QmA", block, indexer);
        Assert.Equal(proof, ProofOfIndexing.Finish(digest, "QmA", block, indexer));
        Assert.NotEqual(proof, ProofOfIndexing.Finish(digest, "QmB", block, indexer));
        Assert.NotEqual(proof, ProofOfIndexing.Finish(digest, "QmA", block with { Hash = Hash32.Of("other") }, indexer));
        Assert.NotEqual(proof, ProofOfIndexing.Finish(digest, "QmA", block));
        Assert.NotEqual(proof, ProofOfIndexing.Finish(Hash32.Zero, "QmA", block, indexer));
    }
}
