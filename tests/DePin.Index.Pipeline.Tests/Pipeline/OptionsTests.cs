namespace DePin.Index.Pipeline.Tests.Pipeline;

/// <summary>Settings: graph-node's NAME:URL network list, option checks naming the bad item.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void Parses_networks_in_graph_nodes_form()
    {
        var networks = NetworkOptions.ParseList("devnet:http://127.0.0.1:8545, mainnet:https://rpc.example:443/v1", reorgThreshold: 64);
        Assert.Equal(["devnet", "mainnet"], networks.Keys.Order());
        Assert.Equal(new Uri("http://127.0.0.1:8545"), networks["devnet"].RpcUrl);
        Assert.Equal(new Uri("https://rpc.example:443/v1"), networks["mainnet"].RpcUrl);
        Assert.All(networks.Values, n => Assert.Equal(64, n.ReorgThreshold));
        Assert.Equal(250, NetworkOptions.ParseList("x:http://h").Single().Value.ReorgThreshold);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8545")]
    [InlineData("devnet:")]
    [InlineData("devnet:ftp://host")]
    [InlineData(":http://host")]
    public void Refuses_a_malformed_network_item(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => NetworkOptions.ParseList(text));
        Assert.Contains(text, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_runner_refuses_bad_options_naming_them()
    {
        var e = Assert.Throws<ArgumentException>(() => new DeploymentRunnerOptions { MaxBlocksPerBatch = 0 }.Validate());
        Assert.Contains("MaxBlocksPerBatch", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => new DeploymentRunnerOptions { RetryBaseDelay = TimeSpan.FromSeconds(2), RetryMaxDelay = TimeSpan.FromSeconds(1) }.Validate());
        Assert.Contains("RetryMaxDelay", e.Message, StringComparison.Ordinal);
    }
}
