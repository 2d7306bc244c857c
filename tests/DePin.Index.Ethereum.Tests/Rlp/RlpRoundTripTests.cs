using System.Numerics;
using DePin.Index.Ethereum.Rlp;

namespace DePin.Index.Ethereum.Tests.Rlp;

public class RlpRoundTripTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_trees_round_trip(int seed)
    {
        var rng = new Random(seed);
        for (var i = 0; i < 300; i++)
        {
            var tree = RandomTree(rng, 0);
            var encoded = RlpEncoder.Encode(tree);
            var decoded = RlpDecoder.Decode(encoded);
            Assert.Equal(RlpVectorTests.Describe(tree), RlpVectorTests.Describe(decoded));
            Assert.Equal(encoded, RlpEncoder.Encode(decoded));
        }
    }

    [Fact]
    public void Every_truncation_of_a_valid_encoding_is_rejected_with_RlpException()
    {
        var rng = new Random(7);
        for (var i = 0; i < 50; i++)
        {
            var encoded = RlpEncoder.Encode(RandomTree(rng, 0));
            for (var cut = 0; cut < encoded.Length; cut++)
            {
                Assert.Throws<RlpException>(() => RlpDecoder.Decode(encoded.AsMemory(0, cut)));
            }
        }
    }

    [Fact]
    public void Random_bytes_never_throw_anything_but_RlpException()
    {
        var rng = new Random(11);
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var data = new byte[rng.Next(1, 40)];
            rng.NextBytes(data);
            // Bias towards list and long-length prefixes, where the interesting paths are.
            if (i % 2 == 0) data[0] = (byte)rng.Next(0xb8, 0x100);
            try
            {
                var item = RlpDecoder.Decode(data);
                Assert.Equal(data, RlpEncoder.Encode(item)); // whatever is accepted is canonical
                accepted++;
            }
            catch (RlpException)
            {
            }
        }
        Assert.True(accepted > 0);
    }

    [Fact]
    public void Integer_encoding_is_minimal()
    {
        var rng = new Random(5);
        for (var i = 0; i < 500; i++)
        {
            var bytes = new byte[rng.Next(1, 33)];
            rng.NextBytes(bytes);
            var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
            var decoded = RlpDecoder.Decode(RlpEncoder.EncodeInteger(value));
            Assert.Equal(value, decoded.ToBigInteger());
            Assert.True(decoded.Bytes.Length == 0 || decoded.Bytes.Span[0] != 0);
            if (value <= ulong.MaxValue) Assert.Equal(RlpEncoder.EncodeInteger((ulong)value), RlpEncoder.EncodeInteger(value));
        }
    }

    private static object RandomTree(Random rng, int depth)
    {
        var pick = rng.Next(depth > 4 ? 3 : 4);
        switch (pick)
        {
            case 0:
                var bytes = new byte[rng.Next(0, 3) switch { 0 => rng.Next(0, 2), 1 => rng.Next(2, 56), _ => rng.Next(56, 300) }];
                rng.NextBytes(bytes);
                return bytes;
            case 1:
                return new BigInteger(rng.NextInt64(0, long.MaxValue)) * rng.Next(0, 3);
            case 2:
                return new byte[] { (byte)rng.Next(0, 256) };
            default:
                var count = rng.Next(0, rng.Next(2) == 0 ? 4 : 30);
                return Enumerable.Range(0, count).Select(_ => RandomTree(rng, depth + 1)).ToArray();
        }
    }
}
