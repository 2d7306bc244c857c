using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Ethereum.Tests.Rpc;

public sealed class JsonRpcClientOptionsTests
{
    public static TheoryData<JsonRpcClientOptions, string> Bad => new()
    {
        { new JsonRpcClientOptions(), "JsonRpcClientOptions.Url is required" },
        { new JsonRpcClientOptions { Url = new Uri("ws://127.0.0.1:8545") }, "must be an absolute http(s) URL, got 'ws://127.0.0.1:8545/'" },
        { new JsonRpcClientOptions { Url = new Uri("http://127.0.0.1:8545"), Timeout = TimeSpan.Zero }, "Timeout must be positive" },
        { new JsonRpcClientOptions { Url = new Uri("http://127.0.0.1:8545"), MaxRetries = -1 }, "MaxRetries must be between 0 and 100, got -1" },
        { new JsonRpcClientOptions { Url = new Uri("http://127.0.0.1:8545"), BaseDelay = TimeSpan.FromSeconds(20) }, "MaxDelay (00:00:10) must not be below BaseDelay (00:00:20)" },
        { new JsonRpcClientOptions { Url = new Uri("http://127.0.0.1:8545"), MaxResponseBytes = 10 }, "MaxResponseBytes must be at least 1024, got 10" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Bad_options_are_rejected_naming_the_item(JsonRpcClientOptions options, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => new JsonRpcClient(options));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var o = new JsonRpcClientOptions();
        Assert.Equal(TimeSpan.FromSeconds(30), o.Timeout);
        Assert.Equal(4, o.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(200), o.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(10), o.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), o.MaxRetryAfter);
        Assert.Equal(256L * 1024 * 1024, o.MaxResponseBytes);
    }

    [Fact]
    public void Options_are_copied_so_later_changes_do_not_leak_in()
    {
        var o = new JsonRpcClientOptions { Url = new Uri("http://127.0.0.1:8545") };
        using var client = new JsonRpcClient(o);
        o.Url = new Uri("http://127.0.0.1:9999");
        Assert.Equal(new Uri("http://127.0.0.1:8545"), client.Url);
    }
}
