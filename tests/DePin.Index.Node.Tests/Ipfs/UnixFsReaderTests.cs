using System.Text;
using DePin.Index.Node.Ipfs;

namespace DePin.Index.Node.Tests.Ipfs;

public sealed class UnixFsReaderTests
{
    private readonly MemoryIpfsBlockStore _store = new();
    private readonly UnixFsReader _reader;

    public UnixFsReaderTests()
    {
        _reader = new UnixFsReader(_store);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(262144)]
    [InlineData(262145)]
    [InlineData(3_000_000)]
    public async Task Cat_returns_what_was_added(int length)
    {
        var data = CidVectorTests.Pattern(length);
        var cid = await AddAsync(data);
        Assert.Equal(data, await _reader.ReadAllAsync(cid));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(5, 10L)]
    [InlineData(262140, 10L)]   // across a leaf boundary
    [InlineData(600_000, null)] // skips whole leaves by their block sizes
    [InlineData(999_990, 100L)] // runs past the end
    [InlineData(2_000_000, 5L)] // starts past the end
    public async Task Cat_honours_offset_and_length(long offset, long? length)
    {
        var data = CidVectorTests.Pattern(1_000_000);
        var cid = await AddAsync(data);
        using var output = new MemoryStream();
        await _reader.CatAsync(cid, output, offset, length);
        var from = (int)Math.Min(offset, data.Length);
        var to = (int)Math.Min(data.Length, length is { } l ? offset + l : data.Length);
        Assert.Equal(data[from..Math.Max(from, to)], output.ToArray());
    }

    [Fact]
    public async Task Paths_resolve_through_directories()
    {
        var blocks = new List<IpfsBlock>();
        var file = UnixFsImporter.AddFile(Encoding.UTF8.GetBytes("hello world\n"), blocks);
        var inner = UnixFsImporter.AddDirectory(new Dictionary<string, UnixFsEntry> { ["a.txt"] = file }, blocks);
        var root = UnixFsImporter.AddDirectory(new Dictionary<string, UnixFsEntry> { ["dir"] = inner }, blocks);
        await _store.PutAsync(blocks);

        Assert.Equal(file.Cid, await _reader.ResolveAsync($"/ipfs/{root.Cid}/dir/a.txt"));
        Assert.Equal(file.Cid, await _reader.ResolveAsync($"{root.Cid}/dir/a.txt"));
        Assert.Equal(root.Cid, await _reader.ResolveAsync($"/ipfs/{root.Cid}"));
        await Assert.ThrowsAsync<IpfsNotFoundException>(() => _reader.ResolveAsync($"/ipfs/{root.Cid}/dir/missing"));
        await Assert.ThrowsAsync<IpfsFormatException>(() => _reader.ResolveAsync($"/ipfs/{file.Cid}/x"));
        await Assert.ThrowsAsync<IpfsFormatException>(() => _reader.ResolveAsync("/ipfs/"));
        var e = await Assert.ThrowsAsync<IpfsFormatException>(() => _reader.ReadAllAsync(inner.Cid));
        Assert.Contains("directory", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_block_is_reported_and_makes_the_dag_incomplete()
    {
        var blocks = new List<IpfsBlock>();
        var entry = UnixFsImporter.AddFile(CidVectorTests.Pattern(600_000), blocks);
        await _store.PutAsync(blocks.Where(b => b.Cid != blocks[1].Cid).ToList());
        Assert.False(await _reader.IsCompleteAsync(entry.Cid));
        var e = await Assert.ThrowsAsync<IpfsNotFoundException>(() => _reader.ReadAllAsync(entry.Cid));
        Assert.Contains(blocks[1].Cid.Text, e.Message, StringComparison.Ordinal);
        await _store.PutAsync(blocks);
        Assert.True(await _reader.IsCompleteAsync(entry.Cid));
    }

    [Fact]
    public async Task ReadAll_refuses_files_above_the_limit()
    {
        var cid = await AddAsync(CidVectorTests.Pattern(1000));
        Assert.Equal(1000, (await _reader.ReadAllAsync(cid, maxBytes: 1000)).Length);
        await Assert.ThrowsAsync<IpfsFormatException>(() => _reader.ReadAllAsync(cid, maxBytes: 999));
    }

    [Fact]
    public async Task A_block_that_is_not_dag_pb_is_a_format_error()
    {
        var junk = IpfsBlock.From([0xff, 0xff, 0xff]);
        await _store.PutAsync([junk]);
        await Assert.ThrowsAsync<IpfsFormatException>(() => _reader.ReadAllAsync(junk.Cid));
    }

    private async Task<Cid> AddAsync(byte[] data)
    {
        var blocks = new List<IpfsBlock>();
        var entry = UnixFsImporter.AddFile(data, blocks);
        await _store.PutAsync(blocks);
        return entry.Cid;
    }
}
