using System.Text;
using System.Text.Json;
using DePin.Index.GraphQL;
using DePin.Index.Live.Internal;

namespace DePin.Index.Live.Tests;

public sealed class WireFormatTests
{
    [Fact]
    public void A_notice_round_trips()
    {
        var n = new BlockNotice("QmX", 42, "0x01ff", ["Device", "Proof"]) { Revert = true, PublishedAtMicros = 123 };
        var back = NoticeCodec.TryDecode(NoticeCodec.Encode(n), out var error);
        Assert.Null(error);
        Assert.NotNull(back);
        Assert.Equal(n.DeploymentId, back.DeploymentId);
        Assert.Equal(n.BlockNumber, back.BlockNumber);
        Assert.Equal(n.BlockHash, back.BlockHash);
        Assert.Equal(n.EntityTypes, back.EntityTypes);
        Assert.True(back.Revert);
        Assert.Equal(123, back.PublishedAtMicros);
    }

    [Theory]
    [InlineData("nope", "not JSON")]
    [InlineData("[1]", "JSON object")]
    [InlineData("""{"number": 1}""", "deployment")]
    [InlineData("""{"deployment": "Qm", "number": -1}""", "number")]
    [InlineData("""{"deployment": "Qm", "number": "1"}""", "number")]
    public void A_malformed_notice_is_named(string json, string expected)
    {
        Assert.Null(NoticeCodec.TryDecode(json, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notice_touches_what_a_result_read()
    {
        var n = new BlockNotice("Qm", 1, "0x", ["Proof"]);
        Assert.True(n.Touches(["Device", "Proof"]));
        Assert.False(n.Touches(["Device"]));
        Assert.True(n.Touches(null));
        Assert.True((n with { Revert = true }).Touches(["Device"]));
        Assert.False(new BlockNotice("Qm", 1, "0x", []).Touches(["Device"]));
    }

    [Fact]
    public void A_cache_entry_round_trips()
    {
        var json = Encoding.UTF8.GetBytes("""{"data":{"devices":[{"id":"a\nb"}]}}""");
        var back = CacheEntry.Decode(CacheEntry.Encode(new GraphQLResult(json, 7, ["Device", "Proof"], hasErrors: false)));
        Assert.NotNull(back);
        Assert.Equal(json, back.Utf8Json);
        Assert.Equal(7, back.Block);
        Assert.Equal(["Device", "Proof"], back.EntityTypes);
        Assert.False(back.HasErrors);
        Assert.Null(CacheEntry.Decode(Encoding.UTF8.GetBytes("garbage")));
    }

    [Theory]
    [InlineData("""{"type":"connection_init"}""", "connection_init", null)]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ a }"}}""", "subscribe", "1")]
    public void Client_messages_parse(string json, string type, string? id)
    {
        var m = WsMessages.TryParse(Encoding.UTF8.GetBytes(json), out var error);
        Assert.Null(error);
        Assert.Equal(type, m!.Type);
        Assert.Equal(id, m.Id);
    }

    [Theory]
    [InlineData("{", "not JSON")]
    [InlineData("""{"id":"1"}""", "'type'")]
    [InlineData("""{"type":"subscribe","id":1}""", "'id'")]
    public void Bad_client_messages_are_named(string json, string expected)
    {
        Assert.Null(WsMessages.TryParse(Encoding.UTF8.GetBytes(json), out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"query":"{ a }","variables":{"x":1},"operationName":"A"}""", null)]
    [InlineData("""{"variables":{}}""", "query")]
    [InlineData("""{"query":"{ a }","variables":[1]}""", "variables")]
    [InlineData("""{"query":"{ a }","operationName":5}""", "operationName")]
    public void Subscribe_payloads_are_checked(string payload, string? expected)
    {
        var request = WsMessages.TryRequest(JsonDocument.Parse(payload).RootElement, out var error);
        if (expected is null)
        {
            Assert.NotNull(request);
            Assert.Equal("A", request.OperationName);
        }
        else
        {
            Assert.Null(request);
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Next_wraps_the_result_and_request_errors_are_told_apart()
    {
        var next = WsMessages.Next("a\"b", Encoding.UTF8.GetBytes("""{"data":{"x":1}}"""));
        using var doc = JsonDocument.Parse(next);
        Assert.Equal("a\"b", doc.RootElement.GetProperty("id").GetString());
        Assert.Equal(1, doc.RootElement.GetProperty("payload").GetProperty("data").GetProperty("x").GetInt32());
        Assert.Null(WsMessages.RequestErrors(Encoding.UTF8.GetBytes("""{"data":{"x":null},"errors":[{"message":"m"}]}""")));
        Assert.NotNull(WsMessages.RequestErrors(Encoding.UTF8.GetBytes("""{"errors":[{"message":"m"}]}""")));
    }
}
