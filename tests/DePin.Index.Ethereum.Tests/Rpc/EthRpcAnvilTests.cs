using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Ethereum.Tests.Rpc;

/// <summary>The typed eth_* methods against a real anvil (chain 31337).</summary>
public sealed class EthRpcAnvilTests(AnvilFixture fixture) : IClassFixture<AnvilFixture>
{
    private readonly EthRpc _eth = fixture.Eth;

    [Fact]
    public async Task ChainId_is_31337_and_block_number_counts_the_mined_transactions()
    {
        Assert.Equal(31337, await _eth.ChainIdAsync());
        Assert.True(await _eth.BlockNumberAsync() >= 4); // deployment + 3 emits, one block each
    }

    [Fact]
    public async Task Blocks_by_number_and_hash_agree_and_chain_by_parent_hash()
    {
        var n = fixture.EmitBlocks[1];
        var block = await _eth.GetBlockByNumberAsync(n);
        Assert.NotNull(block);
        Assert.Equal(n, block.Number);
        var parent = await _eth.GetBlockByNumberAsync(n - 1);
        Assert.Equal(parent!.Hash, block.ParentHash);
        Assert.True(block.Timestamp >= parent.Timestamp);
        Assert.Equal(30_000_000, block.GasLimit);
        Assert.True(block.GasUsed > 21_000);
        Assert.NotNull(block.BaseFeePerGas);
        Assert.True(block.Size > 500);
        Assert.Single(block.TransactionHashes);
        var byHash = await _eth.GetBlockByHashAsync(block.Hash);
        Assert.Equal(block.Number, byHash!.Number);
        Assert.Equal(block.StateRoot, byHash.StateRoot);
        Assert.Equal(block.TransactionHashes, byHash.TransactionHashes);
        var genesis = await _eth.GetBlockByNumberAsync(BlockParameter.Earliest);
        Assert.Equal(0, genesis!.Number);
        Assert.Equal(Hash32.Zero, genesis.ParentHash);
    }

    [Fact]
    public async Task A_block_beyond_the_head_is_null()
    {
        var head = await _eth.BlockNumberAsync();
        Assert.Null(await _eth.GetBlockByNumberAsync(head + 1000));
        Assert.Null(await _eth.GetBlockByHashAsync(Hash32.Of("no such block")));
    }

    [Fact]
    public async Task Balances_nonce_and_code()
    {
        var balance = await _eth.GetBalanceAsync(AnvilInstance.Account0);
        Assert.True(balance > BigInteger.Pow(10, 21) && balance < BigInteger.Pow(10, 22)); // ~10,000 ETH minus gas
        Assert.True(await _eth.GetTransactionCountAsync(AnvilInstance.Account0) >= 4);
        Assert.Equal(BigInteger.Pow(10, 22), await _eth.GetBalanceAsync(Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), BlockParameter.FromNumber(0)));
        Assert.Equal(LogEmitter.Runtime(), await _eth.GetCodeAsync(fixture.Emitter));
        Assert.Empty(await _eth.GetCodeAsync(AnvilInstance.Account0));
        Assert.Equal(0, await _eth.GetTransactionCountAsync(AnvilInstance.Account0, BlockParameter.Earliest));
    }

    [Fact]
    public async Task Batch_answers_each_call_by_id_in_one_http_request()
    {
        var before = fixture.Client.HttpRequestCount;
        var batch = fixture.Client.CreateBatch();
        var chain = batch.Add("eth_chainId", [], RpcJson.ReadLong);
        var head = batch.Add("eth_blockNumber", [], RpcJson.ReadLong);
        var balance = batch.Add("eth_getBalance", [AnvilInstance.Account0, "latest"], RpcJson.ReadBigInteger);
        var bad = batch.Add("eth_getBalance", ["0xzz", "latest"], RpcJson.ReadBigInteger);
        var unknown = batch.Add("no_such_method", [], RpcJson.ReadElement);
        await batch.SendAsync();
        Assert.Equal(before + 1, fixture.Client.HttpRequestCount);
        Assert.Equal(31337, chain.Result);
        Assert.Equal(await _eth.BlockNumberAsync(), head.Result);
        Assert.Equal(await _eth.GetBalanceAsync(AnvilInstance.Account0), balance.Result);
        Assert.False(bad.Succeeded);
        var error = Assert.Throws<JsonRpcException>(() => bad.Result);
        Assert.Equal(-32602, error.Code);
        Assert.Equal("eth_getBalance", error.Method);
        Assert.Equal(-32601, unknown.Error!.Code);
    }

    [Fact]
    public async Task Blocks_in_one_batch_follow_the_requested_order()
    {
        var head = await _eth.BlockNumberAsync();
        var blocks = await _eth.GetBlocksByNumberAsync([3, 1, head + 50, 2]);
        Assert.Equal([3L, 1L], blocks.Take(2).Select(b => b!.Number));
        Assert.Null(blocks[2]);
        Assert.Equal(2, blocks[3]!.Number);
    }

    [Fact]
    public async Task Eth_call_returns_output_and_a_revert_is_a_JsonRpcException_with_its_data()
    {
        // Calling with the emitter's own init code (no target) runs the constructor, which returns the runtime.
        var output = await _eth.CallAsync(new CallRequest { Data = LogEmitter.InitCode() });
        Assert.Equal(LogEmitter.Runtime(), output);

        var e = await Assert.ThrowsAsync<JsonRpcException>(() => _eth.CallAsync(new CallRequest { Data = LogEmitter.RevertingInitCode() }));
        Assert.Equal(3, e.Code);
        Assert.Equal("eth_call", e.Method);
        Assert.Contains("execution reverted", e.RpcMessage, StringComparison.Ordinal);
        Assert.Contains("nope", e.Message, StringComparison.Ordinal);
        Assert.Equal("08c379a0", Convert.ToHexStringLower(e.DataBytes!.AsSpan(0, 4)));
        Assert.Equal(100, e.DataBytes!.Length);
    }

    [Fact]
    public async Task Invalid_params_are_a_JsonRpcException_and_are_not_retried()
    {
        var before = fixture.Client.HttpRequestCount;
        var e = await Assert.ThrowsAsync<JsonRpcException>(() => fixture.Client.CallAsync("eth_getBalance", ["0x1234", "latest"]));
        Assert.Equal(-32602, e.Code);
        Assert.Equal(before + 1, fixture.Client.HttpRequestCount);
        Assert.StartsWith("eth_getBalance: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("(JSON-RPC error -32602)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estimate_gas_and_fee_methods()
    {
        var gas = await _eth.EstimateGasAsync(new CallRequest { From = AnvilInstance.Account0, To = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), Value = 1 });
        Assert.Equal(21_000, gas);
        Assert.True(await _eth.GasPriceAsync() > 0);
        Assert.True(await _eth.MaxPriorityFeePerGasAsync() > 0);
        var history = await _eth.FeeHistoryAsync(2, BlockParameter.Latest, [25, 75]);
        Assert.Equal(3, history.BaseFeePerGas.Count);
        Assert.Equal(2, history.GasUsedRatio.Count);
        Assert.Equal(2, history.Reward.Count);
        Assert.All(history.Reward, r => Assert.Equal(2, r.Count));
    }

    [Fact]
    public async Task Receipt_and_transaction_of_an_emit()
    {
        var hash = await LogEmitter.EmitAsync(_eth, fixture.Emitter, 2);
        var receipt = await _eth.WaitForReceiptAsync(hash, TimeSpan.FromSeconds(10));
        Assert.True(receipt.Succeeded);
        Assert.Equal(hash, receipt.TransactionHash);
        Assert.Equal(fixture.Emitter, receipt.To);
        Assert.Null(receipt.ContractAddress);
        Assert.Equal(AnvilInstance.Account0, receipt.From);
        Assert.Equal(2, receipt.Type);
        Assert.True(receipt.EffectiveGasPrice > 0);
        Assert.Equal(2, receipt.Logs.Count);
        Assert.All(receipt.Logs, l => Assert.Equal(receipt.BlockHash, l.BlockHash));
        Assert.Equal(new BigInteger(1), new BigInteger(receipt.Logs[1].Topics[1].ToArray(), isUnsigned: true, isBigEndian: true));

        var tx = await _eth.GetTransactionByHashAsync(hash);
        Assert.NotNull(tx);
        Assert.Equal(receipt.BlockNumber, tx.BlockNumber);
        Assert.Equal(fixture.Emitter, tx.To);
        Assert.Equal(32, tx.Input.Length);
        Assert.Equal(31337, tx.ChainId);
        Assert.Null(await _eth.GetTransactionReceiptAsync(Hash32.Of("unknown tx")));
        Assert.Null(await _eth.GetTransactionByHashAsync(Hash32.Of("unknown tx")));
    }

    [Fact]
    public async Task Get_logs_by_range_address_and_topics()
    {
        var blocks = fixture.EmitBlocks;
        var all = await _eth.GetLogsAsync(LogFilter.Range(blocks[0], blocks[2], fixture.Emitter));
        Assert.Equal(15, all.Count);
        Assert.All(all, l => Assert.Equal(fixture.Emitter, l.Address));
        Assert.All(all, l => Assert.Equal(LogEmitter.PingTopic, l.Topics[0]));
        Assert.All(all, l => Assert.False(l.Removed));
        Assert.All(all, l => Assert.NotNull(l.BlockTimestamp));
        var second = all.Where(l => l.BlockNumber == blocks[1]).ToList();
        Assert.Equal(Enumerable.Range(0, 7), second.Select(l => l.LogIndex));
        Assert.Equal(64, second[6].Data.Length);
        Assert.Equal(6, second[6].Data[31]);
        Assert.Equal(7, second[6].Data[63]);

        var i3 = new byte[32];
        i3[31] = 3;
        var topic3 = new Hash32(i3);
        var filtered = await _eth.GetLogsAsync(new LogFilter
        {
            FromBlock = blocks[0],
            ToBlock = blocks[2],
            Addresses = [fixture.Emitter],
            Topics = [[LogEmitter.PingTopic], [topic3]],
        });
        Assert.Equal(2, filtered.Count); // i = 3 exists in the 5- and 7-log transactions, not the 3-log one
        Assert.Equal([blocks[0], blocks[1]], filtered.Select(l => l.BlockNumber));

        var nothing = await _eth.GetLogsAsync(new LogFilter { FromBlock = blocks[0], ToBlock = blocks[2], Topics = [null, null, [topic3]] });
        Assert.Empty(nothing);
        var otherAddress = await _eth.GetLogsAsync(LogFilter.Range(0, blocks[2], Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")));
        Assert.Empty(otherAddress);
    }

    [Fact]
    public async Task Log_filter_with_an_inverted_range_is_rejected_before_sending()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => _eth.GetLogsAsync(LogFilter.Range(10, 5)));
        Assert.Contains("fromBlock 10 > toBlock 5", e.Message, StringComparison.Ordinal);
    }
}
