namespace DePin.Index.Live.Tests;

public sealed class LiveOptionsTests
{
    [Fact]
    public void Defaults_without_variables()
    {
        var o = LiveOptions.FromEnvironment(new Dictionary<string, string?>());
        Assert.Null(o.RedisUrl);
        Assert.True(o.CacheEnabled);
        Assert.Equal(60, o.CacheTtlSeconds);
        Assert.Equal(100, o.MaxSubscriptionsPerConnection);
    }

    [Fact]
    public void Variables_override()
    {
        var o = LiveOptions.FromEnvironment(new Dictionary<string, string?>
        {
            ["DEPIN_REDIS_URL"] = "redis://127.0.0.1:6400",
            ["DEPIN_CACHE_ENABLED"] = "false",
            ["DEPIN_CACHE_TTL_SECONDS"] = "5",
            ["DEPIN_CACHE_MAX_ENTRY_BYTES"] = "2048",
            ["DEPIN_WS_MAX_SUBSCRIPTIONS"] = "3",
            ["DEPIN_WS_INIT_TIMEOUT_MS"] = "250",
            ["DEPIN_WS_MAX_MESSAGE_BYTES"] = "4096",
        });
        Assert.Equal("redis://127.0.0.1:6400", o.RedisUrl);
        Assert.False(o.CacheEnabled);
        Assert.Equal(5, o.CacheTtlSeconds);
        Assert.Equal(2048, o.CacheMaxEntryBytes);
        Assert.Equal(3, o.MaxSubscriptionsPerConnection);
        Assert.Equal(250, o.ConnectionInitTimeoutMs);
        Assert.Equal(4096, o.MaxMessageBytes);
    }

    [Theory]
    [InlineData("DEPIN_CACHE_TTL_SECONDS", "soon")]
    [InlineData("DEPIN_CACHE_TTL_SECONDS", "0")]
    [InlineData("DEPIN_CACHE_ENABLED", "maybe")]
    [InlineData("DEPIN_WS_MAX_MESSAGE_BYTES", "10")]
    public void Malformed_values_name_their_variable(string name, string value)
    {
        var e = Assert.Throws<ArgumentException>(() => LiveOptions.FromEnvironment(new Dictionary<string, string?> { [name] = value }));
        Assert.Contains(name, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("redis://127.0.0.1:6400/2", "127.0.0.1:6400", 2)]
    [InlineData("127.0.0.1:6401", "127.0.0.1:6401", null)]
    public void Redis_urls_parse(string url, string endpoint, int? db)
    {
        var c = Internal.RedisConfig.Parse(url);
        Assert.Equal(endpoint, c.EndPoints.Single().ToString());
        Assert.Equal(db, c.DefaultDatabase);
        Assert.False(c.AbortOnConnectFail);
    }

    [Fact]
    public void A_bad_redis_url_is_named()
    {
        Assert.Contains("DEPIN_REDIS_URL", Assert.Throws<ArgumentException>(() => Internal.RedisConfig.Parse("redis://h:1/x")).Message, StringComparison.Ordinal);
    }
}
