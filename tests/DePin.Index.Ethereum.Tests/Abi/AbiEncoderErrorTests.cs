using System.Numerics;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Tests.Abi;

/// <summary>Values that do not fit their type are refused on encode, with the argument and element path in the message.</summary>
public class AbiEncoderErrorTests
{
    public static TheoryData<string, object?, string> BadValues => new()
    {
        { "uint8", new BigInteger(256), "value 256 is out of range for uint8" },
        { "uint8", 300, "out of range for uint8" },
        { "uint256", BigInteger.MinusOne, "value -1 is out of range for uint256" },
        { "uint256", BigInteger.One << 256, "out of range for uint256" },
        { "int8", 128, "value 128 is out of range for int8" },
        { "int8", -129, "value -129 is out of range for int8" },
        { "int256", BigInteger.One << 255, "out of range for int256" },
        { "address", 5, "address expects an Address, got Int32" },
        { "address", "0x1234", "expected an address" },
        { "bool", "true", "bool expects a bool, got String" },
        { "bool", null, "bool expects a bool, got null" },
        { "bytes3", new byte[] { 1, 2, 3, 4 }, "bytes3 needs exactly 3 bytes, got 4" },
        { "bytes", "0x00", "bytes expects a byte[]" },
        { "string", new byte[] { 1 }, "string expects a string, got Byte[]" },
        { "string", "bad \ud800 surrogate", "unpaired surrogate" },
        { "uint256", 1.5, "uint256 expects an integer" },
        { "uint256[2]", new object[] { 1, 2, 3 }, "uint256[2] needs exactly 2 elements, got 3" },
        { "uint256[]", "123", "uint256[] expects an array or list" },
        { "uint256[]", new object[] { 1, -2 }, "element [1]: value -2 is out of range for uint256" },
        { "(address,uint8)", new object[] { Address.Zero }, "needs exactly 2 components, got 1" },
        { "(address,uint8)[]", new object[] { new object[] { Address.Zero, 256 } }, "element [0]: component 1: value 256 is out of range for uint8" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Refuses_values_that_do_not_fit(string type, object? value, string expected)
    {
        var e = Assert.Throws<AbiException>(() => AbiEncoder.Encode(AbiType.Parse(type), value));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_names_the_argument()
    {
        var transfer = FunctionAbi.Parse("transfer(address to, uint256 amount)");

        var e = Assert.Throws<AbiException>(() => transfer.EncodeCall(Address.Zero, -5));

        Assert.Contains("transfer(address,uint256)", e.Message, StringComparison.Ordinal);
        Assert.Contains("argument 1 'amount' (uint256)", e.Message, StringComparison.Ordinal);
        Assert.Contains("out of range", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_wrong_number_of_arguments()
    {
        var e = Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.UInt256, AbiType.Bool], [1]));

        Assert.Contains("expected 2 values (uint256,bool), got 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_common_dotnet_integer_types_and_lists()
    {
        var data = AbiEncoder.Encode([AbiType.Parse("uint8[]"), AbiType.Int(64), AbiType.UInt(128)],
            [new List<int> { 1, 2 }, -3L, UInt128.MaxValue]);

        var values = AbiDecoder.Decode([AbiType.Parse("uint8[]"), AbiType.Int(64), AbiType.UInt(128)], data);

        AbiAssert.DeepEqual(new object[] { new object[] { new BigInteger(1), new BigInteger(2) }, new BigInteger(-3), (BigInteger)UInt128.MaxValue }, values);
    }

    [Fact]
    public void Encodes_negative_integers_in_twos_complement_over_the_whole_word()
    {
        var data = AbiEncoder.Encode(AbiType.Int(8), -1);

        Assert.Equal(new string('f', 64), Convert.ToHexStringLower(data));
    }

    [Fact]
    public void Encodes_an_address_string_checked_against_eip55()
    {
        var data = AbiEncoder.Encode(AbiType.Address, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");

        Assert.Equal("0000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed", Convert.ToHexStringLower(data));
    }
}
