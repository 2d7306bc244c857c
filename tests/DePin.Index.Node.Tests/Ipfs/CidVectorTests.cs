using System.Text;
using DePin.Index.Node.Ipfs;

namespace DePin.Index.Node.Tests.Ipfs;

/// <summary>
/// CIDs that `ipfs add` (kubo defaults: CIDv0, 256 KiB chunks, balanced DAG of 174 links, dag-pb leaves) gives. The text
/// vectors are well known; the pattern vectors (byte i = i mod 251) were computed by the JS reference importer
/// (ipfs-unixfs-importer 17.1.1, profile unixfs-v0-2015 = kubo's legacy defaults) and agree with the structure reasoned
/// from the spec: 262144 bytes is one leaf (14 bytes of framing), 262145 a root over two leaves, 174 full chunks still
/// one level, one byte more a second level.
/// </summary>
public sealed class CidVectorTests
{
    [Theory]
    [InlineData("", "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH", 6UL)]
    [InlineData("hello world", "Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD", 19UL)]
    [InlineData("hello world\n", "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o", 20UL)]
    public void Text_files_hash_like_ipfs_add(string text, string cid, ulong cumulativeSize)
    {
        var blocks = new List<IpfsBlock>();
        var entry = UnixFsImporter.AddFile(Encoding.UTF8.GetBytes(text), blocks);
        Assert.Equal(cid, entry.Cid.Text);
        Assert.Equal(cumulativeSize, entry.CumulativeSize);
        Assert.Equal((ulong)Encoding.UTF8.GetByteCount(text), entry.FileSize);
        Assert.Single(blocks);
    }

    [Theory]
    [InlineData(11, "QmVygzXjZeGrQn1X9rw3f3TQWRvFvhgHcLa8CopS6TdV55", 19UL, 1)]
    [InlineData(1000, "QmPeaZux8qE8eZibqtC1v6h1pBFvVBz2YkSAdwU8VBXJNR", 1011UL, 1)]
    [InlineData(262144, "QmeqfRyS3vkku7n6krqC3DgGMex3x2sCpSeKMDmrG13QQq", 262158UL, 1)]
    [InlineData(262145, "QmUSjGawaz4ptvREcMKSMJneWCa5j8dAz2wSAAvHtW2rnB", 262267UL, 3)]
    [InlineData(1048576 + 123, "QmNQZ5h3ezgj6nJsz8HiCMitZe6k5kMACEVnDhf9tZZQdj", 1049009UL, 6)]
    [InlineData(174 * 262144, "QmXCym15aFeWjAWyPFaAgwVmkuKB7EBsV77Skt54KmxChF", 45623854UL, 175)]
    [InlineData((174 * 262144) + 1, "QmTedsTekQQkgACJXb1sPZSW8bLdS9LPMrT7L4YdjNRd4n", 45624016UL, 178)]
    public void Multi_chunk_files_hash_like_the_reference_importer(int length, string cid, ulong cumulativeSize, int blockCount)
    {
        var blocks = new List<IpfsBlock>();
        var entry = UnixFsImporter.AddFile(Pattern(length), blocks);
        Assert.Equal(cid, entry.Cid.Text);
        Assert.Equal(cumulativeSize, entry.CumulativeSize);
        Assert.Equal((ulong)length, entry.FileSize);
        Assert.Equal(blockCount, blocks.Count);
        Assert.Equal(cumulativeSize, (ulong)blocks.Sum(b => b.Data.Length)); // every block counted once: no duplicates here
        Assert.Equal(entry.Cid, blocks[^1].Cid); // children before parents: the root comes last
    }

    [Fact]
    public void Every_block_is_named_by_the_sha256_of_its_bytes()
    {
        var blocks = new List<IpfsBlock>();
        UnixFsImporter.AddFile(Pattern(600_000), blocks);
        Assert.All(blocks, b => Assert.Equal(b.Cid, Cid.Of(b.Data.Span)));
    }

    [Fact]
    public void Directories_hash_like_ipfs_add_of_a_folder()
    {
        var blocks = new List<IpfsBlock>();
        Assert.Equal("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn", UnixFsImporter.AddDirectory(new Dictionary<string, UnixFsEntry>(), blocks).Cid.Text);

        var a = UnixFsImporter.AddFile(Encoding.UTF8.GetBytes("hello world\n"), blocks);
        var b = UnixFsImporter.AddFile(Pattern(300_000), blocks);
        Assert.Equal("QmWU4cq12z1Fq8kiWASSMzcpsxbQpY74z1X2koCz2TUnaU", b.Cid.Text);
        Assert.Equal(300132UL, b.CumulativeSize);

        // Links are sorted by name whatever the insertion order.
        var dir = UnixFsImporter.AddDirectory(new Dictionary<string, UnixFsEntry> { ["b.bin"] = b, ["a.txt"] = a }, blocks);
        Assert.Equal("QmWmVrwNZvFYfrQcZ4JaJDaXN8ULxwaUUTPAn2oHRzGmCF", dir.Cid.Text);
        Assert.Equal(300252UL, dir.CumulativeSize);
        Assert.True(dir.IsDirectory);
    }

    [Fact]
    public async Task Reading_from_a_slow_stream_gives_the_same_chunks()
    {
        var data = Pattern(700_000);
        var blocks = new List<IpfsBlock>();
        var entry = await UnixFsImporter.AddFileAsync(new TrickleStream(data, 1000), blocks);
        Assert.Equal(UnixFsImporter.AddFile(data, []).Cid, entry.Cid);
    }

    [Fact]
    public void Chunk_size_is_configurable()
    {
        var small = UnixFsImporter.AddFile(Pattern(1000), [], new UnixFsImportOptions { ChunkSize = 100 });
        var blocks = new List<IpfsBlock>();
        var normal = UnixFsImporter.AddFile(Pattern(1000), blocks);
        Assert.NotEqual(normal.Cid, small.Cid);
        Assert.Equal(1000UL, small.FileSize);
        Assert.Throws<ArgumentException>(() => UnixFsImporter.AddFile(Pattern(10), [], new UnixFsImportOptions { ChunkSize = 0 }));
    }

    internal static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)(i % 251);
        }

        return bytes;
    }

    /// <summary>Hands out at most a few bytes per read, like a network stream.</summary>
    private sealed class TrickleStream(byte[] data, int perRead) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, perRead));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, perRead)], cancellationToken);
    }
}
