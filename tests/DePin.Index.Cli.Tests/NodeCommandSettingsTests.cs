using DePin.Index.Cli.Commands;
using DePin.Index.Devnet;

namespace DePin.Index.Cli.Tests;

/// <summary>`depin node`'s settings: an option wins over its DEPIN_ variable, which wins over the running devnet's value.</summary>
public sealed class NodeCommandSettingsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("depin-cli-node-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static DevnetState Devnet() => new()
    {
        Postgres = new ServiceRecord(1, 15432, "postgresql://postgres@127.0.0.1:15432/depin", "pg.log", DateTimeOffset.UnixEpoch, "postgres", null),
        Anvil = new ServiceRecord(2, 18545, "http://127.0.0.1:18545", "anvil.log", DateTimeOffset.UnixEpoch, "anvil", null),
    };

    private static Dictionary<string, string?> Env(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => (string?)v.Value, StringComparer.Ordinal);

    [Fact]
    public void With_nothing_given_the_devnet_supplies_database_chain_token_and_folder()
    {
        var o = NodeCommandSettings.Resolve(new NodeCommandInput(), Env(), Devnet(), _dir.FullName);

        Assert.Equal("postgresql://postgres@127.0.0.1:15432/depin", o.Node.PostgresUrl);
        Assert.Contains("Port=15432", o.Indexing.ConnectionString, StringComparison.Ordinal);
        var network = Assert.Single(o.Indexing.Networks);
        Assert.Equal(DevnetState.NetworkName, network.Key);
        Assert.Equal(new Uri("http://127.0.0.1:18545"), network.Value.RpcUrl);
        Assert.Equal(DevnetAdminToken.Read(_dir.FullName), o.Node.AdminToken);
        Assert.Equal(64, o.Node.AdminToken!.Length);
        Assert.Equal(Path.Combine(_dir.FullName, "node", "deployments"), o.DeploymentsDir);
        Assert.Equal("default", o.Node.NodeId);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DevnetAdminToken.PathIn(_dir.FullName)));
        }
    }

    [Fact]
    public void Options_win_over_variables_which_win_over_the_devnet()
    {
        var env = Env(("DEPIN_POSTGRES_URL", "postgresql://env@127.0.0.1:1/env"), ("DEPIN_ETHEREUM_RPC", "devnet:http://127.0.0.1:2"),
            ("DEPIN_NODE_ID", "from_env"), ("DEPIN_ADMIN_TOKEN", "env-token"), ("DEPIN_HTTP_PORT", "9100"));
        var fromEnv = NodeCommandSettings.Resolve(new NodeCommandInput(), env, Devnet(), _dir.FullName);
        Assert.Equal("postgresql://env@127.0.0.1:1/env", fromEnv.Node.PostgresUrl);
        Assert.Equal(new Uri("http://127.0.0.1:2"), fromEnv.Indexing.Networks["devnet"].RpcUrl);
        Assert.Equal("from_env", fromEnv.Node.NodeId);
        Assert.Equal("env-token", fromEnv.Node.AdminToken);
        Assert.Equal(9100, fromEnv.Node.HttpPort);
        Assert.Null(fromEnv.DeploymentsDir);
        Assert.Null(DevnetAdminToken.Read(_dir.FullName));

        var fromOptions = NodeCommandSettings.Resolve(new NodeCommandInput
        {
            PostgresUrl = "postgresql://opt@127.0.0.1:3/opt",
            EthereumRpc = ["mainnet:http://127.0.0.1:4", "devnet:http://127.0.0.1:5"],
            NodeId = "from_option",
            HttpPort = 9200,
            Ipfs = "http://127.0.0.1:9301",
        }, env, Devnet(), _dir.FullName);
        Assert.Equal("postgresql://opt@127.0.0.1:3/opt", fromOptions.Node.PostgresUrl);
        Assert.Equal(["devnet", "mainnet"], fromOptions.Indexing.Networks.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("from_option", fromOptions.Node.NodeId);
        Assert.Equal(9200, fromOptions.Node.HttpPort);
        Assert.Equal(9301, fromOptions.Node.IpfsPort);
    }

    [Fact]
    public void Without_a_devnet_missing_settings_are_named()
    {
        var noPostgres = Assert.Throws<ArgumentException>(() => NodeCommandSettings.Resolve(new NodeCommandInput(), Env(), null, _dir.FullName));
        Assert.Contains("--postgres-url", noPostgres.Message, StringComparison.Ordinal);
        var noChain = Assert.Throws<ArgumentException>(() =>
            NodeCommandSettings.Resolve(new NodeCommandInput { PostgresUrl = "postgresql://a@127.0.0.1:1/a" }, Env(), null, _dir.FullName));
        Assert.Contains("--ethereum-rpc", noChain.Message, StringComparison.Ordinal);
        var badRpc = Assert.Throws<ArgumentException>(() => NodeCommandSettings.Resolve(
            new NodeCommandInput { PostgresUrl = "postgresql://a@127.0.0.1:1/a", EthereumRpc = ["http://127.0.0.1:8545"] }, Env(), null, _dir.FullName));
        Assert.Contains("NAME:URL", badRpc.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5002", 5002)]
    [InlineData("http://localhost:6001/", 6001)]
    [InlineData("http://127.0.0.1", 5001)]
    public void Ipfs_names_where_this_node_serves_its_ipfs_api(string url, int port) =>
        Assert.Equal(port, NodeCommandSettings.IpfsPort(url, System.Net.IPAddress.Loopback));

    [Theory]
    [InlineData("http://10.1.2.3:5001")]
    [InlineData("ftp://127.0.0.1:5001")]
    [InlineData("not a url")]
    public void Ipfs_refuses_another_servers_address(string url)
    {
        var e = Assert.Throws<ArgumentException>(() => NodeCommandSettings.IpfsPort(url, System.Net.IPAddress.Loopback));
        Assert.Contains("--ipfs", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("subgraphs/depin", "depin")]
    [InlineData("subgraphs/depin/build", "depin")]
    [InlineData("x/Network/", "network")]
    public void The_default_subgraph_name_is_the_folders(string path, string name) => Assert.Equal(name, SubgraphCommands.DefaultName(path));
}
