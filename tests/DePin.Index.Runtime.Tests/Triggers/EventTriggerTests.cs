using System.Numerics;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Runtime.Tests.Fixtures;
using DePin.Index.Runtime.Triggers;

namespace DePin.Index.Runtime.Tests.Triggers;

public class EventTriggerTests
{
    private static Address A(byte b) => new(Enumerable.Repeat(b, 20).ToArray());

    private static Hash32 H(byte b) => new(Enumerable.Repeat(b, 32).ToArray());

    internal static EventTrigger SampleEvent() => new()
    {
        Block = new BlockData
        {
            Number = 12345,
            Hash = H(0xaa),
            ParentHash = H(0xa9),
            Author = A(0x99),
            Timestamp = 1_700_000_000,
            GasUsed = 21_000,
            GasLimit = 30_000_000,
            BaseFeePerGas = 1_000_000_000,
        },
        LogAddress = A(0x11),
        LogIndex = 7,
        TransactionLogIndex = 3,
        Transaction = new TransactionData
        {
            Hash = H(0xbb),
            From = A(0x22),
            To = A(0x33),
            Value = BigInteger.Pow(10, 18),
            Input = new byte[] { 0xca, 0xfe },
            Nonce = 42,
        },
        Parameters =
        [
            new("owner", AbiType.Address, A(0x44)),
            new("amount", AbiType.UInt256, (BigInteger.One << 256) - 1),
            new("delta", AbiType.Int256, new BigInteger(-5)),
            new("small", AbiType.Int(8), new BigInteger(-128)),
            new("active", AbiType.Bool, true),
            new("label", AbiType.String, "device ✓"),
            new("payload", AbiType.Bytes, new byte[] { 1, 2 }),
            new("key", AbiType.Bytes32, Enumerable.Repeat((byte)0x55, 32).ToArray()),
            new("selector", AbiType.FixedBytes(4), new byte[] { 0xde, 0xad, 0xbe, 0xef }),
            new("ids", AbiType.Parse("uint256[]"), new object[] { new BigInteger(1), new BigInteger(2), new BigInteger(3) }),
            new("pair", AbiType.Parse("address[2]"), new object[] { A(0x66), A(0x77) }),
            new("info", AbiType.Parse("(address,uint256,string)"), new object[] { A(0x88), new BigInteger(9), "t" }),
            new("names", AbiType.Parse("string[]"), new object[] { "x", "y" }),
        ],
        Receipt = new TransactionReceiptData
        {
            TransactionHash = H(0xbb),
            GasUsed = 21_000,
            CumulativeGasUsed = 42_000,
            Status = 1,
            Logs = [new LogData { Address = A(0x11), Topics = [H(0x01), H(0x02)], Data = new byte[] { 9 } }],
        },
    };

    [Fact]
    public void Event_with_parameters_of_every_abi_type_is_marshalled()
    {
        using var h = new Harness("events");
        h.Run("handleEvent", SampleEvent());
        var r = h.Result("event");
        Assert.Equal("0x" + string.Concat(Enumerable.Repeat("44", 20)), r["owner"].ToString());
        Assert.Equal((BigInteger.One << 256) - 1, r["amount"].AsBigInt());
        Assert.Equal(new BigInteger(-5), r["delta"].AsBigInt());
        Assert.Equal("device ✓", r["label"].AsString());
        Assert.Equal(new BigInteger(12345), r["block"].AsBigInt());
        Assert.False(r["hasReceipt"].AsBool());
    }

    [Fact]
    public void Receipt_is_passed_only_when_the_handler_asks_for_it()
    {
        using var h = new Harness("events", "0.0.7");
        h.Run("handleEvent", SampleEvent(), includeReceipt: true);
        var r = h.Result("event");
        Assert.True(r["hasReceipt"].AsBool());
        Assert.Equal(new BigInteger(21_000), r["gasUsed"].AsBigInt());
        Assert.Equal(BigInteger.One, r["status"].AsBigInt());
        Assert.Equal(1, r["logCount"].AsInt());
        Assert.Equal("0x" + string.Concat(Enumerable.Repeat("01", 32)), r["topic0"].ToString());
    }

    [Fact]
    public void Block_trigger_is_marshalled()
    {
        using var h = new Harness("events");
        h.Run("handleBlock", new BlockTrigger { Block = Harness.Block(77) });
        var r = h.Result("block");
        Assert.Equal(new BigInteger(77), r["number"].AsBigInt());
        Assert.Equal(Harness.Block(77).Hash.ToHex(), r["hash"].ToString());
        Assert.Equal(Harness.Block(77).ParentHash.ToHex(), r["parentHash"].ToString());
        Assert.Equal(new BigInteger(1_700_000_077), r["timestamp"].AsBigInt());
        Assert.True(r["hasBaseFee"].AsBool());
    }

    [Fact]
    public void Unknown_handler_is_a_deterministic_error()
    {
        using var h = new Harness("events");
        var e = Assert.Throws<DeterministicMappingException>(() => h.Run("handleNothing"));
        Assert.Contains("no handler function 'handleNothing", e.Message, StringComparison.Ordinal);
    }
}
