using DePin.Index.Ethereum.Abi;

namespace DePin.Index.Ethereum.Tests.Abi;

public class AbiTypeTests
{
    [Theory]
    [InlineData("uint256", "uint256", AbiKind.UInt, false, 32)]
    [InlineData("uint", "uint256", AbiKind.UInt, false, 32)]
    [InlineData("int", "int256", AbiKind.Int, false, 32)]
    [InlineData("int8", "int8", AbiKind.Int, false, 32)]
    [InlineData("address", "address", AbiKind.Address, false, 32)]
    [InlineData("bool", "bool", AbiKind.Bool, false, 32)]
    [InlineData("bytes1", "bytes1", AbiKind.FixedBytes, false, 32)]
    [InlineData("bytes32", "bytes32", AbiKind.FixedBytes, false, 32)]
    [InlineData("bytes", "bytes", AbiKind.Bytes, true, 32)]
    [InlineData("string", "string", AbiKind.String, true, 32)]
    [InlineData("uint256[]", "uint256[]", AbiKind.Array, true, 32)]
    [InlineData("uint[3]", "uint256[3]", AbiKind.FixedArray, false, 96)]
    [InlineData("(address,uint256)[2][]", "(address,uint256)[2][]", AbiKind.Array, true, 32)]
    [InlineData("(address,uint256)[3]", "(address,uint256)[3]", AbiKind.FixedArray, false, 192)]
    [InlineData("(uint256,string)[3]", "(uint256,string)[3]", AbiKind.FixedArray, true, 32)]
    [InlineData("((uint8,bytes)[],string)", "((uint8,bytes)[],string)", AbiKind.Tuple, true, 32)]
    [InlineData("(bool,(int,bytes7[2]))", "(bool,(int256,bytes7[2]))", AbiKind.Tuple, false, 128)]
    [InlineData("string[2][3]", "string[2][3]", AbiKind.FixedArray, true, 32)]
    public void Parses_and_prints_the_canonical_form(string text, string canonical, AbiKind kind, bool dynamic, int headSize)
    {
        var type = AbiType.Parse(text);

        Assert.Equal(canonical, type.CanonicalName);
        Assert.Equal(kind, type.Kind);
        Assert.Equal(dynamic, type.IsDynamic);
        Assert.Equal(headSize, type.HeadSize);
        Assert.Equal(type, AbiType.Parse(type.CanonicalName));
    }

    [Fact]
    public void Fixed_array_of_arrays_reads_inner_suffix_first()
    {
        // T[2][] is a dynamic array whose elements are T[2].
        var type = AbiType.Parse("uint8[2][]");

        Assert.Equal(AbiKind.Array, type.Kind);
        Assert.Equal(AbiKind.FixedArray, type.ElementType!.Kind);
        Assert.Equal(2, type.ElementType.Size);
    }

    [Fact]
    public void Factories_build_the_same_types_as_the_parser()
    {
        var built = AbiType.Array(AbiType.FixedArray(AbiType.Tuple(AbiType.Address, AbiType.UInt(256)), 2));

        Assert.Equal(AbiType.Parse("(address,uint256)[2][]"), built);
        Assert.Equal(8, AbiType.Int(8).Size);
        Assert.Equal(20, AbiType.FixedBytes(20).Size);
    }

    [Fact]
    public void Tuple_components_keep_their_names()
    {
        var type = AbiType.Tuple([new AbiParameter("owner", AbiType.Address), new AbiParameter("amount", AbiType.UInt256)]);

        Assert.Equal("(address,uint256)", type.CanonicalName);
        Assert.Equal(["owner", "amount"], type.Components.Select(c => c.Name));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("uint7", "not a valid uintN")]
    [InlineData("uint264", "not a valid uintN")]
    [InlineData("uint0", "not a valid uintN")]
    [InlineData("uint08", "not a valid uintN")]
    [InlineData("int300", "not a valid intN")]
    [InlineData("bytes0", "not a valid bytesN")]
    [InlineData("bytes33", "not a valid bytesN")]
    [InlineData("uint256[0]", "at least one element")]
    [InlineData("uint256[01]", "leading zero")]
    [InlineData("uint256[99999999999]", "larger than the limit")]
    [InlineData("uint256[", "array suffix")]
    [InlineData("uint256[x]", "array suffix")]
    [InlineData("uint256]", "unexpected ']'")]
    [InlineData("(uint256", "missing ')'")]
    [InlineData("(uint256,)", "unexpected ')'")]
    [InlineData("()", "empty tuple")]
    [InlineData("tuple", "needs its components")]
    [InlineData("tuple[]", "needs its components")]
    [InlineData("fixed128x18", "fixed-point")]
    [InlineData("function", "not supported")]
    [InlineData("foo", "unknown type 'foo'")]
    [InlineData(" uint256", "unexpected ' '")]
    [InlineData("uint256 ", "unexpected ' '")]
    [InlineData("(uint256 a)", "expected ',' or ')'")]
    public void Rejects_bad_type_strings_with_a_clear_message(string text, string expected)
    {
        var e = Assert.Throws<AbiException>(() => AbiType.Parse(text));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_hostile_nesting_without_overflowing_the_stack()
    {
        var deepTuple = new string('(', 10_000) + "uint256" + new string(')', 10_000);
        var deepArray = "uint256" + string.Concat(Enumerable.Repeat("[]", 10_000));

        Assert.Contains("nested deeper", Assert.Throws<AbiException>(() => AbiType.Parse(deepTuple)).Message, StringComparison.Ordinal);
        Assert.Contains("nests deeper", Assert.Throws<AbiException>(() => AbiType.Parse(deepArray)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_static_types_too_large_to_encode()
    {
        var e = Assert.Throws<AbiException>(() => AbiType.Parse("uint256[16777216][16777216]"));

        Assert.Contains("too large", e.Message, StringComparison.Ordinal);
    }
}
