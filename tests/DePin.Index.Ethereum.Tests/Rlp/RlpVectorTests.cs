using System.Globalization;
using System.Numerics;
using System.Text;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rlp;

namespace DePin.Index.Ethereum.Tests.Rlp;

/// <summary>Cases from ethereum/tests RLPTests/rlptest.json (input as there: strings, integers, "#bigint", lists).</summary>
public class RlpVectorTests
{
    private const string Asdf = "84617364668471776572847a786376"; // the encodings of "asdf", "qwer", "zxcv" in a row

    public static TheoryData<string, object, string> Vectors => new()
    {
        { "emptystring", "", "80" },
        { "bytestring00", "\u0000", "00" },
        { "bytestring01", "\u0001", "01" },
        { "bytestring7F", "\u007F", "7f" },
        { "shortstring", "dog", "83646f67" },
        { "shortstring2", "Lorem ipsum dolor sit amet, consectetur adipisicing eli",
            "b74c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c69" },
        { "longstring", "Lorem ipsum dolor sit amet, consectetur adipisicing elit",
            "b8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974" },
        { "zero", 0, "80" },
        { "smallint", 1, "01" },
        { "smallint2", 16, "10" },
        { "smallint3", 79, "4f" },
        { "smallint4", 127, "7f" },
        { "mediumint1", 128, "8180" },
        { "mediumint2", 1000, "8203e8" },
        { "mediumint3", 100000, "830186a0" },
        { "mediumint4", "#83729609699884896815286331701780722", "8f102030405060708090a0b0c0d0e0f2" },
        { "mediumint5", "#105315505618206987246253880190783558935785933862974822347068935681",
            "9c0100020003000400050006000700080009000a000b000c000d000e01" },
        { "emptylist", Array.Empty<object>(), "c0" },
        { "stringlist", new object[] { "dog", "god", "cat" }, "cc83646f6783676f6483636174" },
        { "multilist", new object[] { "zw", new object[] { 4 }, 1 }, "c6827a77c10401" },
        { "shortListMax1", new object[] { "asdf", "qwer", "zxcv", "asdf", "qwer", "zxcv", "asdf", "qwer", "zxcv", "asdf", "qwer" },
            "f784617364668471776572847a78637684617364668471776572847a78637684617364668471776572847a78637684617364668471776572" },
        { "longList1", Enumerable.Repeat<object>(new object[] { "asdf", "qwer", "zxcv" }, 4).ToArray(),
            "f840" + string.Concat(Enumerable.Repeat("cf" + Asdf, 4)) },
        { "longList2", Enumerable.Repeat<object>(new object[] { "asdf", "qwer", "zxcv" }, 32).ToArray(),
            "f90200" + string.Concat(Enumerable.Repeat("cf" + Asdf, 32)) },
        { "listsoflists", new object[] { new object[] { Array.Empty<object>(), Array.Empty<object>() }, Array.Empty<object>() }, "c4c2c0c0c0" },
        { "listsoflists2", new object[] { Array.Empty<object>(), new object[] { Array.Empty<object>() },
            new object[] { Array.Empty<object>(), new object[] { Array.Empty<object>() } } }, "c7c0c1c0c3c0c1c0" },
        { "dictTest1", new object[] { new object[] { "key1", "val1" }, new object[] { "key2", "val2" }, new object[] { "key3", "val3" }, new object[] { "key4", "val4" } },
            "ecca846b6579318476616c31ca846b6579328476616c32ca846b6579338476616c33ca846b6579348476616c34" },
        { "bigint", "#115792089237316195423570985008687907853269984665640564039457584007913129639936",
            "a1010000000000000000000000000000000000000000000000000000000000000000" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Encodes_published_vector(string name, object input, string expectedHex)
    {
        Assert.True(Hex.Encode(RlpEncoder.Encode(ToEncodable(input))) == "0x" + expectedHex, name);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Decodes_published_vector_back_to_its_input(string name, object input, string expectedHex)
    {
        var item = RlpDecoder.Decode(Hex.Decode(expectedHex));
        Assert.True(Describe(ToEncodable(input)) == Describe(item), name);
        Assert.Equal("0x" + expectedHex, Hex.Encode(item.Encoded.Span));
    }

    [Fact]
    public void Integers_decode_through_the_typed_accessors()
    {
        Assert.Equal(100000UL, RlpDecoder.Decode(Hex.Decode("830186a0")).ToUInt64());
        Assert.Equal(0UL, RlpDecoder.Decode(Hex.Decode("80")).ToUInt64());
        Assert.Equal(BigInteger.Pow(2, 256), RlpDecoder.Decode(Hex.Decode("a1010000000000000000000000000000000000000000000000000000000000000000")).ToBigInteger(33));
        Assert.Equal(RlpEncoder.EncodeInteger(1000UL), RlpEncoder.EncodeInteger(new BigInteger(1000)));
    }

    /// <summary>rlptest.json writes big integers as "#decimal"; other strings are their bytes.</summary>
    internal static object ToEncodable(object input) => input switch
    {
        string s when s.StartsWith('#') => BigInteger.Parse(s[1..], CultureInfo.InvariantCulture),
        string s => Encoding.Latin1.GetBytes(s),
        object[] list => list.Select(ToEncodable).ToArray(),
        _ => input,
    };

    /// <summary>A canonical text form of a tree, integers as their minimal bytes, for comparison with a decoded item.</summary>
    internal static string Describe(object value) => value switch
    {
        byte[] b => Hex.Encode(b),
        BigInteger i => Hex.Encode(RlpEncoder.ToMinimalBigEndian(i)),
        int i => Hex.Encode(RlpEncoder.ToMinimalBigEndian(i)),
        RlpItem { IsList: true } item => "[" + string.Join(",", item.Items.Select(Describe)) + "]",
        RlpItem item => Hex.Encode(item.Bytes.Span),
        object[] list => "[" + string.Join(",", list.Select(Describe)) + "]",
        _ => throw new ArgumentException(value.GetType().Name),
    };
}
