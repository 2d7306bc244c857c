using System.Net;
using Microsoft.Extensions.Logging;

namespace DePin.Index.Node.Tests;

public sealed class NodeOptionsTests
{
    [Fact]
    public void Defaults_are_graph_nodes_ports_on_loopback()
    {
        var o = NodeOptions.FromEnvironment(new Dictionary<string, string?>());
        Assert.Equal((8000, 8001, 8020, 8030, 8040, 5001), (o.HttpPort, o.WsPort, o.AdminPort, o.StatusPort, o.MetricsPort, o.IpfsPort));
        Assert.Equal(IPAddress.Loopback, o.BindAddress);
        Assert.Equal("default", o.NodeId);
        Assert.Null(o.AdminToken);
        Assert.False(o.AdminAllowAnonymous);
        Assert.Equal(NodeLogFormat.Text, o.LogFormat);
        Assert.Equal(LogLevel.Information, o.LogLevel);
        Assert.Equal(64L * 1024 * 1024, o.IpfsMaxUploadBytes);
    }

    [Fact]
    public void Environment_overrides_every_setting()
    {
        var o = NodeOptions.FromEnvironment(new Dictionary<string, string?>
        {
            ["DEPIN_HTTP_PORT"] = "18000",
            ["DEPIN_WS_PORT"] = "18001",
            ["DEPIN_ADMIN_PORT"] = "0",
            ["DEPIN_STATUS_PORT"] = "18030",
            ["DEPIN_METRICS_PORT"] = "18040",
            ["DEPIN_IPFS_PORT"] = "15001",
            ["DEPIN_BIND_ADDRESS"] = "0.0.0.0",
            ["DEPIN_NODE_ID"] = "node_7",
            ["DEPIN_ADMIN_TOKEN"] = "s3cret",
            ["DEPIN_ADMIN_ALLOW_ANONYMOUS"] = "true",
            ["DEPIN_POSTGRES_URL"] = "postgresql://u@h:1/db",
            ["DEPIN_EXTERNAL_HTTP_BASE_URL"] = "https://q.example",
            ["DEPIN_IPFS_MAX_UPLOAD_BYTES"] = "1000",
            ["DEPIN_LOG_FORMAT"] = "json",
            ["DEPIN_LOG_LEVEL"] = "debug",
        });
        Assert.Equal((18000, 18001, 0, 18030, 18040, 15001), (o.HttpPort, o.WsPort, o.AdminPort, o.StatusPort, o.MetricsPort, o.IpfsPort));
        Assert.Equal(IPAddress.Any, o.BindAddress);
        Assert.Equal(("node_7", "s3cret", true), (o.NodeId, o.AdminToken, o.AdminAllowAnonymous));
        Assert.Equal("postgresql://u@h:1/db", o.PostgresUrl);
        Assert.Equal("https://q.example", o.ExternalHttpBaseUrl);
        Assert.Equal(1000, o.IpfsMaxUploadBytes);
        Assert.Equal(NodeLogFormat.Json, o.LogFormat);
        Assert.Equal(LogLevel.Debug, o.LogLevel);
    }

    [Theory]
    [InlineData("DEPIN_ADMIN_PORT", "eighty")]
    [InlineData("DEPIN_ADMIN_PORT", "70000")]
    [InlineData("DEPIN_ADMIN_PORT", "-1")]
    [InlineData("DEPIN_BIND_ADDRESS", "localhost:80")]
    [InlineData("DEPIN_ADMIN_ALLOW_ANONYMOUS", "yes")]
    [InlineData("DEPIN_IPFS_MAX_UPLOAD_BYTES", "0")]
    [InlineData("DEPIN_LOG_FORMAT", "xml")]
    [InlineData("DEPIN_LOG_LEVEL", "loud")]
    [InlineData("DEPIN_LOG_LEVEL", "3")]
    public void Malformed_values_name_their_variable(string variable, string value)
    {
        var e = Assert.Throws<NodeConfigurationException>(() => NodeOptions.FromEnvironment(new Dictionary<string, string?> { [variable] = value }));
        Assert.Contains(variable, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_requires_a_token_or_an_explicit_anonymous_admin()
    {
        Assert.Contains("DEPIN_ADMIN_TOKEN", Assert.Throws<NodeConfigurationException>(() => new NodeOptions().Validate()).Message, StringComparison.Ordinal);
        new NodeOptions { AdminToken = "t" }.Validate();
        new NodeOptions { AdminAllowAnonymous = true }.Validate();
        Assert.Throws<NodeConfigurationException>(() => new NodeOptions { AdminToken = "t", AdminPort = 70000 }.Validate());
        Assert.Throws<NodeConfigurationException>(() => new NodeOptions { AdminToken = "t", NodeId = " " }.Validate());
    }

    [Fact]
    public async Task A_node_without_a_database_says_which_variable_to_set()
    {
        var e = await Assert.ThrowsAsync<NodeConfigurationException>(() => NodeHost.CreateBuilder(new NodeOptions { AdminToken = "t" }).StartAsync());
        Assert.Contains("DEPIN_POSTGRES_URL", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_routes_follow_graph_node()
    {
        var local = SubgraphRoutes.For("a/b", 8000, 8001, null);
        Assert.Equal((":8000/subgraphs/name/a/b/graphql", ":8000/subgraphs/name/a/b", ":8001/subgraphs/name/a/b"),
            (local.Playground, local.Queries, local.Subscriptions));
        Assert.Equal("https://q.example/subgraphs/name/a/b", SubgraphRoutes.For("a/b", 8000, 8001, "https://q.example/").Queries);
    }
}
