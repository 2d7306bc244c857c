using System.Text;
using System.Text.Json;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Ethereum.Rpc.Internal;

namespace DePin.Index.Ethereum.Tests.Rpc;

/// <summary>The streaming reader on its own, fed by a stream that hands out a few bytes per read.</summary>
public sealed class JsonStreamReaderTests
{
    /// <summary>A stream that returns at most <c>piece</c> bytes per read, like a slow network.</summary>
    private sealed class TrickleStream(byte[] data, int piece) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(piece, buffer.Length)], cancellationToken);
    }

    [Fact]
    public async Task One_large_value_in_small_reads_is_scanned_a_bounded_number_of_times()
    {
        // 4 MB string in 1 KB reads: rescanning after every read would scan ~8 GB.
        var body = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x" + new string('a', 4_000_000) + "\"}");
        using var reader = new JsonStreamReader(new TrickleStream(body, 1024), 10_000_000, "eth_getCode");
        var (token, start, length) = await reader.TakeValueAsync(default);
        Assert.Equal(JsonTokenType.StartObject, token);
        Assert.Equal(body.Length, length);
        Assert.Equal(0, start);
        Assert.InRange(reader.BytesScanned, body.Length, 4L * body.Length);
    }

    [Fact]
    public async Task Many_small_values_are_each_scanned_about_once()
    {
        var body = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Range(0, 50_000).Select(i => $"{{\"n\":{i}}}")) + "]");
        using var reader = new JsonStreamReader(new TrickleStream(body, 777), 10_000_000, "x_list");
        Assert.Equal(JsonTokenType.StartArray, (await reader.ReadTokenAsync(default)).Token);
        var seen = 0;
        while (true)
        {
            var (token, start, length) = await reader.TakeValueAsync(default);
            if (token == JsonTokenType.EndArray) break;
            Assert.Equal(seen++, ReadN(reader.Buffer.Slice(start, length)));
        }
        Assert.Equal(50_000, seen);
        Assert.InRange(reader.BytesScanned, body.Length - 2, 2L * body.Length);
    }

    private static int ReadN(ReadOnlySpan<byte> element)
    {
        var json = new Utf8JsonReader(element);
        using var doc = JsonDocument.ParseValue(ref json);
        return doc.RootElement.GetProperty("n").GetInt32();
    }

    [Theory]
    [InlineData("{\"a\":[1,2", "ends inside a JSON value (truncated after 9 bytes")]
    [InlineData("{\"a\":tru", "ends inside a JSON value")]
    [InlineData("{\"a\":nope}", "not valid JSON")]
    [InlineData("", "the answer body is empty")]
    public async Task Truncation_and_garbage_are_told_apart(string text, string expected)
    {
        using var reader = new JsonStreamReader(new TrickleStream(Encoding.UTF8.GetBytes(text), 3), 1000, "m");
        var e = await Assert.ThrowsAsync<RpcProtocolException>(async () => await reader.TakeValueAsync(default));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("m: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_size_limit_counts_every_byte_read()
    {
        var body = Encoding.UTF8.GetBytes("[" + new string(' ', 5000) + "1]");
        using var reader = new JsonStreamReader(new TrickleStream(body, 100), 2048, "m");
        await Assert.ThrowsAsync<RpcResponseTooLargeException>(async () => await reader.TakeValueAsync(default));
        Assert.InRange(reader.BytesRead, 2049, 2048 + 100);
    }
}
