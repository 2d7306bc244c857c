using System.Numerics;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Tests.Abi;

/// <summary>Malformed and hostile data must raise <see cref="AbiException"/> naming the problem, fast.</summary>
public class AbiDecoderStrictnessTests
{
    private const string Zero = "0000000000000000000000000000000000000000000000000000000000000000";
    private const string Huge = "8000000000000000000000000000000000000000000000000000000000000000";

    public static TheoryData<string, string, string> BadData => new()
    {
        // type, data (hex), expected message fragment
        { "uint256", new string('0', 62), "data too short" },
        { "uint256", "", "data too short" },
        { "(uint256,uint256)", Word(1), "data too short" },
        { "string", Huge, "points outside" },
        { "string", Word(0x40), "points outside" },
        { "string", Word(0x21), "points outside" },
        { "string", Word(0x20) + Huge, "has length" },
        { "string", Word(0x20) + Word(5) + "6162", "has length 5 bytes, but only 2 bytes follow" },
        { "bytes", Word(0x20) + "00000000000000000000000000000000000000000000000000000000ffffffff", "has length 4294967295" },
        { "uint256[]", Word(0x20) + Huge, "has length" },
        { "uint256[]", Word(0x20) + Word(0x10000000000) , "has length 1099511627776" },
        { "uint256[]", Word(0x20) + Word(3) + Word(1) + Word(2), "only 64 bytes follow" },
        { "uint256[][]", Word(0x20) + Word(1) + Word(0x1000), "points outside" },
        { "address", "000000000000000000000001" + "d8a7346ffef357542857ab5fcf7ed1baed08680f", "non-zero upper 12 bytes" },
        { "bool", Word(2), "bool must be 0 or 1" },
        { "bool", "01" + Zero[2..], "bool must be 0 or 1" },
        { "uint8", Word(0x100), "non-zero bits above bit 8" },
        { "uint64", "00000000000000000000000000000001" + "00000000000000000000000000000000", "non-zero bits above bit 64" },
        { "int8", Word(0x80), "not sign-extended" },
        { "int8", "ff" + Zero[2..], "not sign-extended" },
        { "int32", "00000000000000000000000000000000000000000000000000000000ffffffff", "not sign-extended" },
        { "bytes3", "61626364" + Zero[8..], "non-zero padding after byte 3" },
        { "string", Word(0x20) + Word(2) + "c328" + Zero[4..], "not valid UTF-8" },
        { "(uint256,address)", Word(1) + "ff" + Zero[2..], "non-zero upper 12 bytes" },
        { "string[16000000]", Word(0x20) + Word(0x20), "16000000 elements of string need 512000000 bytes of heads" },
    };

    [Theory]
    [MemberData(nameof(BadData))]
    public void Rejects_bad_data_with_a_clear_message(string type, string hex, string expected)
    {
        var e = Assert.Throws<AbiException>(() => AbiDecoder.Decode(AbiType.Parse(type), Hex.Decode(hex)));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_message_names_the_parameter()
    {
        var parameters = new[] { new AbiParameter("amount", AbiType.UInt256), new AbiParameter("active", AbiType.Bool) };

        var e = Assert.Throws<AbiException>(() => AbiDecoder.Decode(parameters, Hex.Decode(Word(1) + Word(7))));

        Assert.Contains("'active' (bool)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_clean_sign_extended_negative_and_maximal_values()
    {
        var values = AbiDecoder.Decode(Hex.Decode(new string('f', 64) + "00000000000000000000000000000000000000000000000000000000000000ff"), "int8", "uint8");

        Assert.Equal(BigInteger.MinusOne, values[0]);
        Assert.Equal(new BigInteger(255), values[1]);
    }

    [Fact]
    public void Ignores_trailing_bytes_after_the_last_value_like_solidity()
    {
        var value = AbiDecoder.Decode(AbiType.UInt256, Hex.Decode(Word(5) + "deadbeef"));

        Assert.Equal(new BigInteger(5), value);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Refuses_overlapping_offsets_that_would_inflate_a_small_input(int depth)
    {
        // Every array at every level has 200 elements whose offsets all point at the same child:
        // 200^depth values from a few kilobytes. A naive decoder allocates billions of objects.
        const int width = 200;
        var type = AbiType.Parse("uint256" + string.Concat(Enumerable.Repeat("[]", depth)));
        var data = new List<string> { Word(0x20) };
        for (var level = 0; level < depth; level++)
        {
            data.Add(Word(width));
            if (level < depth - 1)
            {
                // All element offsets (relative to the element heads) point just past the heads.
                for (var i = 0; i < width; i++) data.Add(Word(width * 32));
            }
            else
            {
                for (var i = 0; i < width; i++) data.Add(Word(i));
            }
        }

        var e = Assert.Throws<AbiException>(() => AbiDecoder.Decode(type, Hex.Decode(string.Concat(data))));

        Assert.Contains("overlapping offsets", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_many_heads_pointing_at_one_large_string()
    {
        // 2,000 string heads all pointing at one 64 KiB string would decode to 128 MB.
        const int count = 2000;
        var content = new string('6', 2 * 65536);
        var hex = Word(0x20) + Word(count) + string.Concat(Enumerable.Repeat(Word(count * 32), count)) + Word(65536) + content;

        var e = Assert.Throws<AbiException>(() => AbiDecoder.Decode(AbiType.Parse("string[]"), Hex.Decode(hex)));

        Assert.Contains("overlapping offsets", e.Message, StringComparison.Ordinal);
    }

    internal static string Word(long value) => value.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
}
