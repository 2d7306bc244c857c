using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Ethereum.Tests.Rpc;

/// <summary>Golden request bodies: what goes on the wire for the typed methods.</summary>
public sealed class RequestShapeTests
{
    private static readonly Address Token = Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    private static readonly Hash32 Transfer = Hash32.Of("Transfer(address,address,uint256)");

    private static async Task<string> BodyOf(Func<EthRpc, Task> call, string result = "null")
    {
        await using var server = new FaultServer((r, s, _) => FaultServer.OkAsync(s, r.Result(result)));
        using var client = FaultClients.For(server);
        await call(new EthRpc(client));
        return server.Requests.Single().Body;
    }

    [Fact]
    public async Task Get_logs_filter()
    {
        var body = await BodyOf(eth => eth.GetLogsAsync(new LogFilter
        {
            FromBlock = 1,
            ToBlock = BlockParameter.Latest,
            Addresses = [Token],
            Topics = [[Transfer], null, [Hash32.Zero, Transfer]],
        }), "[]");
        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getLogs\",\"params\":[{\"fromBlock\":\"0x1\",\"toBlock\":\"latest\","
            + "\"address\":[\"0x5fbdb2315678afecb367f032d93f642f64180aa3\"],"
            + "\"topics\":[[\"0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef\"],null,"
            + "[\"0x0000000000000000000000000000000000000000000000000000000000000000\",\"0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef\"]]}]}",
            body);
    }

    [Fact]
    public async Task Eth_call_with_value_and_block_hash()
    {
        var body = await BodyOf(eth => eth.CallAsync(
            new CallRequest { From = AnvilInstance.Account0, To = Token, Data = [0x70, 0xa0, 0x82, 0x31], Value = BigInteger.Pow(10, 18) },
            BlockParameter.FromHash(Transfer)), "\"0x\"");
        Assert.Equal(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":[{\"from\":\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\","
            + "\"to\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"data\":\"0x70a08231\",\"value\":\"0xde0b6b3a7640000\"},"
            + "{\"blockHash\":\"0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef\"}]}",
            body);
    }

    [Fact]
    public async Task Dev_helpers_and_raw_transactions()
    {
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"anvil_setBalance\",\"params\":[\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"0x3e8\"]}",
            await BodyOf(eth => eth.SetBalanceAsync(Token, 1000)));
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"anvil_mine\",\"params\":[\"0xa\"]}",
            await BodyOf(eth => eth.MineAsync(10)));
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"evm_setAutomine\",\"params\":[false]}",
            await BodyOf(eth => eth.SetAutomineAsync(false)));
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendRawTransaction\",\"params\":[\"0x02c0\"]}",
            await BodyOf(eth => eth.SendRawTransactionAsync(new byte[] { 0x02, 0xc0 }), $"\"{Transfer}\""));
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_feeHistory\",\"params\":[\"0x4\",\"pending\",[10,50.5]]}",
            await BodyOf(eth => eth.FeeHistoryAsync(4, BlockParameter.Pending, [10, 50.5]),
                "{\"oldestBlock\":\"0x1\",\"baseFeePerGas\":[\"0x1\"],\"gasUsedRatio\":[0.5],\"reward\":[]}"));
    }

    [Fact]
    public async Task Unsupported_parameter_types_are_rejected_with_their_name()
    {
        using var client = FaultClients.For("http://127.0.0.1:9/");
        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.CallAsync("x_y", [1, new Version(1, 2)]));
        Assert.Contains("x_y: parameter 1: a Version cannot be written as a JSON-RPC parameter", e.Message, StringComparison.Ordinal);
        var nan = await Assert.ThrowsAsync<ArgumentException>(() => client.CallAsync("x_y", [double.NaN]));
        Assert.Contains("NaN is not a finite number", nan.Message, StringComparison.Ordinal);
    }
}
