using DePin.Index.Ethereum.Abi;

namespace DePin.Index.Ethereum.Tests.Abi;

/// <summary>Seeded property tests over random nested types of every kind.</summary>
public class AbiRoundTripPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Decode_of_encode_gives_back_the_values(int seed)
    {
        var random = new AbiRandom(seed);
        for (var iteration = 0; iteration < 500; iteration++)
        {
            var types = Enumerable.Range(0, random.Random.Next(1, 5)).Select(_ => random.NextType()).ToArray();
            var values = types.Select(t => random.NextValue(t)).ToArray();

            var data = AbiEncoder.Encode(types, values);
            var decoded = AbiDecoder.Decode(types, data);

            AbiAssert.DeepEqual(values, decoded, $"seed {seed} iteration {iteration} ({string.Join(",", types.Select(t => t.CanonicalName))})");
            Assert.Equal(0, data.Length % 32);
            Assert.Equal(data, AbiEncoder.Encode(types, decoded));
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Type_strings_round_trip_through_the_parser(int seed)
    {
        var random = new AbiRandom(seed);
        for (var iteration = 0; iteration < 1000; iteration++)
        {
            var type = random.NextType();

            var parsed = AbiType.Parse(type.CanonicalName);

            Assert.Equal(type.CanonicalName, parsed.CanonicalName);
            Assert.Equal(type.IsDynamic, parsed.IsDynamic);
            Assert.Equal(type.HeadSize, parsed.HeadSize);
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void Corrupted_or_truncated_data_fails_only_with_AbiException(int seed)
    {
        // Never IndexOutOfRange, overflow, out-of-memory or a hang: either a value or an AbiException.
        var random = new AbiRandom(seed);
        var failures = 0;
        for (var iteration = 0; iteration < 400; iteration++)
        {
            var types = Enumerable.Range(0, random.Random.Next(1, 4)).Select(_ => random.NextType()).ToArray();
            var data = AbiEncoder.Encode(types, types.Select(t => random.NextValue(t)).ToArray());
            var corrupted = Corrupt(random.Random, data);
            try
            {
                AbiDecoder.Decode(types, corrupted);
            }
            catch (AbiException e)
            {
                failures++;
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            }
        }
        Assert.True(failures > 100, $"only {failures} of 400 corruptions were detected: the decoder is not strict");
    }

    [Fact]
    public void Every_strict_prefix_of_a_static_encoding_is_rejected()
    {
        var random = new AbiRandom(31);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var type = random.NextType();
            if (type.IsDynamic) continue;
            var data = AbiEncoder.Encode(type, random.NextValue(type));
            var cut = random.Random.Next(0, data.Length);

            Assert.Throws<AbiException>(() => AbiDecoder.Decode(type, data.AsSpan(0, cut)));
        }
    }

    private static byte[] Corrupt(Random random, byte[] data)
    {
        var copy = (byte[])data.Clone();
        switch (random.Next(4))
        {
            case 0 when copy.Length > 0:
                return copy[..random.Next(copy.Length)];
            case 1 when copy.Length > 0:
                copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
                return copy;
            case 2 when copy.Length >= 32:
                {
                    // Overwrite a whole word with a huge or odd number (offsets and lengths are the interesting targets).
                    var word = random.Next(copy.Length / 32) * 32;
                    copy.AsSpan(word, 32).Fill(random.Next(2) == 0 ? (byte)0xFF : (byte)0);
                    copy[word + 31] = (byte)random.Next(256);
                    return copy;
                }
            default:
                return [.. copy, .. new byte[random.Next(1, 64)]];
        }
    }
}
