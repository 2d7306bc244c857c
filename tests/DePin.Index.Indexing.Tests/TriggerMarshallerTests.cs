using System.Numerics;
using DePin.Index.Chain;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Indexing.Tests.Fixtures;
using DePin.Index.Runtime.Triggers;
using DePin.Index.Subgraph;

namespace DePin.Index.Indexing.Tests;

public sealed class TriggerMarshallerTests
{
    private static readonly Address Registry = ChainData.Address(0x11);
    private static readonly Address Owner = ChainData.Address(0x22);
    private static readonly Address DeviceKey = ChainData.Address(0x33);
    private static readonly Lazy<SubgraphDefinition> Depin = new(() => BuiltManifest.Load(SubgraphBuild.DepinManifest,
        new Dictionary<string, (Address, long)> { ["DeviceRegistry"] = (Registry, 10) }));

    [Fact]
    public void A_log_becomes_an_event_with_the_abis_parameters_its_transaction_and_the_block()
    {
        var (block, trigger, tx) = DeviceRegistered(number: 12, logIndex: 3);
        var marshaller = new TriggerMarshaller(Depin.Value);
        marshaller.BeginBlock(block);

        Assert.True(marshaller.TryMarshal(trigger, out var mapped, out var skipped));
        Assert.Null(skipped);
        var e = Assert.IsType<EventTrigger>(mapped);
        Assert.Equal(Registry, e.LogAddress);
        Assert.Equal(3, e.LogIndex);
        Assert.Equal(3, e.TransactionLogIndex);
        Assert.Null(e.Receipt);

        Assert.Equal(["deviceId", "owner", "deviceKey", "kind", "latitudeE6", "longitudeE6", "metadataURI"], e.Parameters.Select(p => p.Name));
        Assert.Equal(["uint256", "address", "address", "uint8", "int32", "int32", "string"], e.Parameters.Select(p => p.Type.CanonicalName));
        Assert.Equal(new BigInteger(77), e.Parameters[0].Value);
        Assert.Equal(Owner, e.Parameters[1].Value);
        Assert.Equal(DeviceKey, e.Parameters[2].Value);
        Assert.Equal(new BigInteger(3), e.Parameters[3].Value);
        Assert.Equal(new BigInteger(-33_868_800), e.Parameters[4].Value);
        Assert.Equal(new BigInteger(151_209_300), e.Parameters[5].Value);
        Assert.Equal("ipfs://device-77", e.Parameters[6].Value);

        Assert.Equal(tx.Hash, e.Transaction.Hash);
        Assert.Equal(1, e.Transaction.Index);
        Assert.Equal(Owner, e.Transaction.From);
        Assert.Equal(Registry, e.Transaction.To);
        Assert.Equal(5, e.Transaction.Value);
        Assert.Equal(300_000, e.Transaction.GasLimit);
        Assert.Equal(1_000_000_007, e.Transaction.GasPrice);
        Assert.Equal(42, e.Transaction.Nonce);
        Assert.Equal(new byte[] { 0xde, 0xad, 0xbe, 0xef }, e.Transaction.Input.ToArray());

        Assert.Equal(12, e.Block.Number);
        Assert.Equal(block.Block.Hash, e.Block.Hash);
        Assert.Equal(block.Block.ParentHash, e.Block.ParentHash);
        Assert.Equal(block.Block.Timestamp, e.Block.Timestamp);
        Assert.Equal(block.Block.Miner, e.Block.Author);
        Assert.Equal(block.Block.StateRoot, e.Block.StateRoot);
        Assert.Equal(30_000_000, e.Block.GasLimit);
        Assert.Equal(1_234_567, e.Block.GasUsed);
        Assert.Equal(7, e.Block.BaseFeePerGas);
        Assert.Equal(4096, e.Block.Size);
        Assert.Equal(BigInteger.Zero, e.Block.TotalDifficulty);
        Assert.Equal(Hash32.Parse("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347"), e.Block.UnclesHash);
    }

    [Fact]
    public void Triggers_of_one_block_share_its_header_and_transactions()
    {
        var (block, trigger, _) = DeviceRegistered(number: 20, logIndex: 0);
        var marshaller = new TriggerMarshaller(Depin.Value);
        marshaller.BeginBlock(block);
        Assert.True(marshaller.TryMarshal(trigger, out var first, out _));
        Assert.True(marshaller.TryMarshal(trigger, out var second, out _));
        Assert.Same(first.Block, second.Block);
        Assert.Same(((EventTrigger)first).Transaction, ((EventTrigger)second).Transaction);
        Assert.Same(marshaller.Block, first.Block);
    }

    [Fact]
    public void A_log_that_does_not_fit_the_event_is_skipped_with_the_reason()
    {
        var (block, trigger, _) = DeviceRegistered(number: 12, logIndex: 3, truncateData: true);
        var marshaller = new TriggerMarshaller(Depin.Value);
        marshaller.BeginBlock(block);
        Assert.False(marshaller.TryMarshal(trigger, out var mapped, out var skipped));
        Assert.Null(mapped);
        Assert.Contains("handleDeviceRegistered", skipped, StringComparison.Ordinal);
        Assert.Contains("does not match the handler's event DeviceRegistered(", skipped, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_transaction_or_a_trigger_of_another_block_is_refused()
    {
        var (block, trigger, _) = DeviceRegistered(number: 12, logIndex: 3);
        var marshaller = new TriggerMarshaller(Depin.Value);
        Assert.Throws<InvalidOperationException>(() => marshaller.TryMarshal(trigger, out _, out _));

        marshaller.BeginBlock(new BlockWithTriggers(block.Block, block.Triggers));
        var error = Assert.Throws<InvalidOperationException>(() => marshaller.TryMarshal(trigger, out _, out _));
        Assert.Contains("lacks transaction", error.Message, StringComparison.Ordinal);

        var (other, _, _) = DeviceRegistered(number: 13, logIndex: 0);
        marshaller.BeginBlock(other);
        Assert.Throws<ArgumentException>(() => marshaller.TryMarshal(trigger, out _, out _));
    }

    [Fact]
    public void A_block_handler_gets_the_block()
    {
        var (block, _, _) = DeviceRegistered(number: 12, logIndex: 3);
        var ds = Depin.Value.Manifest.DataSources[0];
        var handler = new Subgraph.Manifest.MappingBlockHandler("handleBlock", null, ds.Location);
        var trigger = Trigger.ForBlock(DataSourceInstance.FromManifest(ds), handler, TriggerKind.BlockEnd, 12);
        var marshaller = new TriggerMarshaller(Depin.Value);
        marshaller.BeginBlock(block);
        Assert.True(marshaller.TryMarshal(trigger, out var mapped, out _));
        Assert.Equal(12, Assert.IsType<BlockTrigger>(mapped).Block.Number);
    }

    private static (BlockWithTriggers Block, Trigger Trigger, RpcTransaction Tx) DeviceRegistered(long number, int logIndex, bool truncateData = false)
    {
        var definition = Depin.Value;
        var ds = definition.Manifest.DataSources.Single(d => d.Name == "DeviceRegistry");
        var handler = ds.Mapping.EventHandlers.Single(h => h.Handler == "handleDeviceRegistered");
        var abi = definition.GetEvent(handler);
        var encoded = abi.EncodeLog(new BigInteger(77), Owner, DeviceKey, new BigInteger(3), new BigInteger(-33_868_800), new BigInteger(151_209_300), "ipfs://device-77");
        if (truncateData)
        {
            encoded = (encoded.Topics, encoded.Data[..40]);
        }

        var txHash = ChainData.Hash(number * 100 + 1, 0x7a);
        var log = ChainData.Log(Registry, encoded, number, txHash, 1, logIndex);
        var filter = new TriggerFilter(DataSourceInstance.FromManifest(definition.Manifest));
        var triggers = filter.TriggersInBlock(number, [log]);
        var tx = ChainData.Transaction(txHash, number, 1, Owner, Registry);
        var block = new BlockWithTriggers(ChainData.Block(number), triggers, new Dictionary<Hash32, RpcTransaction> { [txHash] = tx });
        return (block, Assert.Single(triggers), tx);
    }
}
