using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Indexing.Tests.Fixtures;

/// <summary>Hand-made RPC blocks, transactions and logs for tests without a chain.</summary>
internal static class ChainData
{
    public static Hash32 Hash(long seed, byte tag = 0xB0)
    {
        var bytes = new byte[32];
        bytes[0] = tag;
        BitConverter.TryWriteBytes(bytes.AsSpan(24), seed);
        return new Hash32(bytes);
    }

    public static Address Address(byte fill) => new(Enumerable.Repeat(fill, 20).ToArray());

    public static Block Block(long number, long timestamp = 1_700_000_000) => new()
    {
        Number = number,
        Hash = Hash(number),
        ParentHash = Hash(number - 1),
        Timestamp = timestamp + number,
        GasLimit = 30_000_000,
        GasUsed = 1_234_567,
        BaseFeePerGas = 7,
        Miner = Address(0x0e),
        StateRoot = Hash(number, 0x51),
        TransactionsRoot = Hash(number, 0x52),
        ReceiptsRoot = Hash(number, 0x53),
        Difficulty = BigInteger.Zero,
        TotalDifficulty = null,
        Size = 4096,
        TransactionHashes = [],
    };

    public static RpcTransaction Transaction(Hash32 hash, long block, int index, Address from, Address to) => new()
    {
        Hash = hash,
        Nonce = 42,
        BlockHash = Hash(block),
        BlockNumber = block,
        TransactionIndex = index,
        From = from,
        To = to,
        Value = 5,
        Gas = 300_000,
        GasPrice = 1_000_000_007,
        Input = [0xde, 0xad, 0xbe, 0xef],
        Type = 2,
    };

    public static Log Log(Address address, (Hash32[] Topics, byte[] Data) encoded, long block, Hash32 tx, int txIndex, int logIndex) =>
        new(address, encoded.Topics, encoded.Data, block, Hash(block), tx, txIndex, logIndex, false);
}
