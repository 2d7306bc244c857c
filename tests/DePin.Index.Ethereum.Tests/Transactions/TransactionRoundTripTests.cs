using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Ethereum.Transactions;

namespace DePin.Index.Ethereum.Tests.Transactions;

public class TransactionRoundTripTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Random_transactions_of_every_kind_round_trip(int seed)
    {
        var rng = new Random(seed);
        for (var i = 0; i < 60; i++)
        {
            var key = EthKey.FromSeed(BitConverter.GetBytes(rng.Next()));
            var tx = RandomTransaction(rng, i % 4);
            var signed = tx.Sign(key);
            Assert.Equal(Hash32.Of(signed.Raw.Span), signed.Hash);
            Assert.Equal(key.Address, signed.Sender);

            var decoded = TransactionDecoder.Decode(signed.Raw.Span);
            Assert.Equal(key.Address, decoded.Sender);
            Assert.Equal(signed.Hash, decoded.Hash);
            Assert.Equal(signed.V, decoded.V);
            Assert.Equal(signed.Signature, decoded.Signature);
            Assert.Equal(tx.SigningHash(), decoded.Transaction.SigningHash());
            Assert.Equal(tx.GetType(), decoded.Transaction.GetType());
            Assert.Equal(tx.Nonce, decoded.Transaction.Nonce);
            Assert.Equal(tx.Value, decoded.Transaction.Value);
            Assert.Equal(tx.To, decoded.Transaction.To);
            Assert.Equal(tx.Data.ToArray(), decoded.Transaction.Data.ToArray());
            switch (tx)
            {
                case Eip1559Transaction t:
                    var d2 = (Eip1559Transaction)decoded.Transaction;
                    Assert.Equal(t.AccessList, d2.AccessList);
                    Assert.Equal(t.MaxFeePerGas, d2.MaxFeePerGas);
                    Assert.Equal(t.ChainId, d2.ChainId);
                    break;
                case LegacyTransaction t:
                    Assert.Equal(t.ChainId, ((LegacyTransaction)decoded.Transaction).ChainId);
                    break;
                case Eip2930Transaction t:
                    Assert.Equal(t.AccessList, ((Eip2930Transaction)decoded.Transaction).AccessList);
                    break;
            }
        }
    }

    [Theory]
    [InlineData(1UL, 37, 38)]
    [InlineData(31337UL, 62709, 62710)]
    [InlineData(0UL, 35, 36)]
    [InlineData(ulong.MaxValue, null, null)]
    public void Legacy_v_is_recId_plus_2_chainId_plus_35(ulong chainId, int? v0, int? v1)
    {
        var rng = new Random(3);
        var seen = new HashSet<int>();
        for (var i = 0; seen.Count < 2 && i < 64; i++)
        {
            var tx = new LegacyTransaction { ChainId = chainId, Nonce = (ulong)i, GasLimit = 21000, To = Address.Zero };
            var signed = tx.Sign(EthKey.FromSeed(BitConverter.GetBytes(rng.Next())));
            seen.Add(signed.Signature.RecoveryId);
            var expected = signed.Signature.RecoveryId + 2 * new BigInteger(chainId) + 35;
            Assert.Equal(expected, signed.V);
            if (v0 is not null) Assert.Equal(signed.Signature.RecoveryId == 0 ? v0 : v1, (int)signed.V);
            var decoded = TransactionDecoder.Decode(signed.Raw.Span);
            Assert.Equal(chainId, ((LegacyTransaction)decoded.Transaction).ChainId);
            Assert.Equal(signed.Sender, decoded.Sender);
        }
        Assert.Equal(2, seen.Count);
    }

    [Fact]
    public void Pre_eip155_legacy_uses_v_27_28_and_six_field_signing_hash()
    {
        var tx = new LegacyTransaction { Nonce = 0, GasPrice = 1, GasLimit = 21000, To = Address.Zero, Value = 5 };
        var signed = tx.Sign(EthKey.FromSeed("homestead"u8));
        Assert.True(signed.V == 27 || signed.V == 28);
        var decoded = TransactionDecoder.Decode(signed.RawHex);
        Assert.Null(((LegacyTransaction)decoded.Transaction).ChainId);
        Assert.Equal(signed.Sender, decoded.Sender);
        Assert.NotEqual(tx.SigningHash(), new LegacyTransaction { Nonce = 0, GasPrice = 1, GasLimit = 21000, To = Address.Zero, Value = 5, ChainId = 1 }.SigningHash());
    }

    private static Transaction RandomTransaction(Random rng, int kind)
    {
        var to = rng.Next(5) == 0 ? (Address?)null : new Address(RandomBytes(rng, 20));
        var data = RandomBytes(rng, rng.Next(3) switch { 0 => 0, 1 => rng.Next(1, 56), _ => rng.Next(56, 600) });
        var nonce = rng.Next(3) == 0 ? ulong.MaxValue - 1 : (ulong)rng.Next(0, 1000);
        var value = RandomUint(rng);
        var gas = (ulong)rng.NextInt64(21000, 30_000_000);
        var accessList = new AccessList(Enumerable.Range(0, rng.Next(0, 3)).Select(_ =>
            new AccessListEntry(new Address(RandomBytes(rng, 20)), Enumerable.Range(0, rng.Next(0, 3)).Select(_ => new Hash32(RandomBytes(rng, 32))))));
        var chainId = (ulong)rng.NextInt64(1, long.MaxValue);
        switch (kind)
        {
            case 0:
                return new LegacyTransaction { Nonce = nonce, GasPrice = RandomUint(rng), GasLimit = gas, To = to, Value = value, Data = data, ChainId = chainId };
            case 1:
                return new LegacyTransaction { Nonce = nonce, GasPrice = RandomUint(rng), GasLimit = gas, To = to, Value = value, Data = data };
            case 2:
                return new Eip2930Transaction { ChainId = chainId, Nonce = nonce, GasPrice = RandomUint(rng), GasLimit = gas, To = to, Value = value, Data = data, AccessList = accessList };
            default:
                var fee = RandomUint(rng);
                return new Eip1559Transaction
                {
                    ChainId = chainId, Nonce = nonce, MaxPriorityFeePerGas = fee / 3, MaxFeePerGas = fee, GasLimit = gas, To = to, Value = value, Data = data, AccessList = accessList,
                };
        }
    }

    private static BigInteger RandomUint(Random rng) => rng.Next(4) switch
    {
        0 => BigInteger.Zero,
        1 => rng.Next(1, 128),
        2 => new BigInteger(RandomBytes(rng, 9), isUnsigned: true, isBigEndian: true),
        _ => new BigInteger(RandomBytes(rng, 32), isUnsigned: true, isBigEndian: true),
    };

    private static byte[] RandomBytes(Random rng, int length)
    {
        var b = new byte[length];
        rng.NextBytes(b);
        return b;
    }
}
