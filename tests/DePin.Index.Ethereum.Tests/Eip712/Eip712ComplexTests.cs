using DePin.Index.Ethereum.Eip712;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Ethereum.Tests.Signing;

namespace DePin.Index.Ethereum.Tests.Eip712;

public class Eip712ComplexTests
{
    [Fact]
    public void Arrays_nested_structs_and_all_atomic_kinds_match_anvil()
    {
        var data = TypedData.Parse(TypedDataSamples.Complex);
        Assert.Equal(
            "Voucher(Account payer,Account[] payees,uint256[] amounts,int64[3] deltas,uint8[2][] grid,bytes memo,bytes4 tag,bytes32 root,bool final,string[] notes,Account[2] cosigners)"
            + "Account(address owner,string label,Limit limit)Limit(uint128 max,int256 min)",
            data.EncodeType("Voucher"));
        // anvil 1.7.1, eth_signTypedData_v4 from account #0 over the same JSON.
        var sig = data.Sign(EthKey.FromHex(EthKeyTests.AnvilKey0));
        Assert.Equal("0xfa37e8f94a0533d44c6edeb31e2efd2bc882e6422cd14e6d47e132975a8d3aa0779ff551b612b19342ba7bff0994d39aa7ada843fcbbe6533ddffb72e212fa4d1c", sig.ToHex());
        Assert.Equal(Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), data.RecoverSigner(sig));
    }

    [Fact]
    public void Dependencies_are_sorted_by_name_and_recursive_types_terminate()
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>
        {
            ["Top"] = [new("z", "Zed"), new("a", "Alpha[]"), new("m", "Mid")],
            ["Zed"] = [new("x", "uint8")],
            ["Alpha"] = [new("mid", "Mid")],
            ["Mid"] = [new("children", "Mid[]"), new("top", "Top[2]")],
        };
        var data = new TypedData(new TypedDataDomain { Name = "t" }, types, "Zed", new Dictionary<string, object?> { ["x"] = 1 });
        Assert.Equal("Top(Zed z,Alpha[] a,Mid m)Alpha(Mid mid)Mid(Mid[] children,Top[2] top)Zed(uint8 x)", data.EncodeType("Top"));
        Assert.Equal("Mid(Mid[] children,Top[2] top)Alpha(Mid mid)Top(Zed z,Alpha[] a,Mid m)Zed(uint8 x)", data.EncodeType("Mid"));
    }

    [Fact]
    public void Atomic_words_are_abi_encoded()
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>
        {
            ["S"] = [new("a", "int8"), new("b", "uint16"), new("c", "bool"), new("d", "bytes3"), new("e", "int256"), new("f", "uint")],
        };
        var value = new Dictionary<string, object?> { ["a"] = -1, ["b"] = "0x0102", ["c"] = false, ["d"] = new byte[] { 0xaa, 0xbb, 0xcc }, ["e"] = "-2", ["f"] = 7UL };
        var data = new TypedData(new TypedDataDomain { ChainId = 1 }, types, "S", value);
        var encoded = data.EncodeData("S", value);
        Assert.Equal(32 * 7, encoded.Length);
        Assert.Equal(Keccak256.Hash("S(int8 a,uint16 b,bool c,bytes3 d,int256 e,uint f)"), encoded[..32]);
        Assert.Equal("0x" + new string('f', 64), Hex.Encode(encoded.AsSpan(32, 32)));
        Assert.Equal("0x" + new string('0', 60) + "0102", Hex.Encode(encoded.AsSpan(64, 32)));
        Assert.Equal("0x" + new string('0', 64), Hex.Encode(encoded.AsSpan(96, 32)));
        Assert.Equal("0xaabbcc" + new string('0', 58), Hex.Encode(encoded.AsSpan(128, 32)));
        Assert.Equal("0x" + new string('f', 63) + "e", Hex.Encode(encoded.AsSpan(160, 32)));
        Assert.Equal("0x" + new string('0', 63) + "7", Hex.Encode(encoded.AsSpan(192, 32)));
    }

    [Fact]
    public void Array_is_keccak_of_its_element_encodings_and_struct_elements_are_hashStruct()
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>
        {
            ["P"] = [new("n", "uint8")],
            ["L"] = [new("ps", "P[]"), new("xs", "uint8[]"), new("empty", "string[]")],
        };
        var p1 = new Dictionary<string, object?> { ["n"] = 1 };
        var p2 = new Dictionary<string, object?> { ["n"] = 2 };
        var value = new Dictionary<string, object?> { ["ps"] = new[] { p1, p2 }, ["xs"] = new object[] { 1, 2 }, ["empty"] = Array.Empty<string>() };
        var data = new TypedData(new TypedDataDomain { Name = "x" }, types, "L", value);
        var encoded = data.EncodeData("L", value);
        byte[] structs = [.. data.HashStruct("P", p1).ToArray(), .. data.HashStruct("P", p2).ToArray()];
        Assert.Equal(Keccak256.Hash(structs), encoded[32..64]);
        var words = new byte[64];
        words[31] = 1;
        words[63] = 2;
        Assert.Equal(Keccak256.Hash(words), encoded[64..96]);
        Assert.Equal(Keccak256.Hash([]), encoded[96..128]);
    }
}
