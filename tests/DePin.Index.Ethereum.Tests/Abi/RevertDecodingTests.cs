using System.Numerics;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Tests.Abi;

public class RevertDecodingTests
{
    private static readonly ContractAbi Staking = ContractAbi.Parse("""
        [{"type":"error","name":"InsufficientStake","inputs":[{"name":"required","type":"uint256"},{"name":"have","type":"uint256"}]},
         {"type":"error","name":"NotOperator","inputs":[{"name":"caller","type":"address"}]},
         {"type":"error","name":"ZeroWork","inputs":[]}]
        """);

    [Fact]
    public void Decodes_error_string_from_the_solidity_documentation()
    {
        // revert("Not enough Ether provided.")
        var data = Hex.Decode("0x08c379a0"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "000000000000000000000000000000000000000000000000000000000000001a"
            + "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000");

        var revert = RevertDecoder.Decode(data);

        Assert.Equal(RevertKind.Error, revert.Kind);
        Assert.Equal("Not enough Ether provided.", revert.Message);
        Assert.Equal("Error(message=\"Not enough Ether provided.\")", revert.ToString());
        Assert.Equal(new Selector(0x08c379a0), revert.Selector);
        Assert.Equal(data, ErrorAbi.StandardError.Encode("Not enough Ether provided."));
    }

    [Theory]
    [InlineData(0x01, "Panic(0x01: assert(false))")]
    [InlineData(0x11, "Panic(0x11: arithmetic overflow or underflow)")]
    [InlineData(0x12, "Panic(0x12: division or modulo by zero)")]
    [InlineData(0x32, "Panic(0x32: array index out of bounds)")]
    [InlineData(0x99, "Panic(0x99: unknown panic code)")]
    public void Decodes_panics_with_their_meaning(int code, string expected)
    {
        var data = Hex.Decode("0x4e487b71" + code.ToString("x64", System.Globalization.CultureInfo.InvariantCulture));

        var revert = Staking.DecodeRevert(data);

        Assert.Equal(RevertKind.Panic, revert.Kind);
        Assert.Equal(new BigInteger(code), revert.PanicCode);
        Assert.Equal(expected, revert.ToString());
    }

    [Fact]
    public void Decodes_a_custom_error_from_the_contract_abi()
    {
        var data = Staking.GetError("InsufficientStake").Encode(10, 5);

        var revert = Staking.DecodeRevert(data);

        Assert.Equal(RevertKind.Custom, revert.Kind);
        Assert.Equal("InsufficientStake", revert.Name);
        Assert.Equal(new BigInteger(10), revert["required"]);
        Assert.Equal("InsufficientStake(required=10, have=5)", revert.ToString());
        Assert.Equal("ZeroWork()", Staking.DecodeRevert(Selector.FromSignature("ZeroWork()").ToArray()).ToString());
        Assert.Equal(
            "NotOperator(caller=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed)",
            Staking.DecodeRevert(Staking.GetError("NotOperator").Encode(Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"))).ToString());
    }

    [Fact]
    public void Reports_empty_and_unknown_reverts_without_guessing()
    {
        var unknown = Hex.Decode("0xdeadbeef" + new string('0', 63) + "1");

        Assert.Equal("revert without data", RevertDecoder.Decode([]).ToString());
        Assert.Equal(RevertKind.Empty, RevertDecoder.Decode([]).Kind);
        Assert.Equal(RevertKind.Unknown, Staking.DecodeRevert(unknown).Kind);
        Assert.StartsWith("unknown error 0xdeadbeef with 32 bytes of arguments", Staking.DecodeRevert(unknown).ToString(), StringComparison.Ordinal);
        // Without the ABI a custom error is unknown.
        Assert.Equal(RevertKind.Unknown, RevertDecoder.Decode(Staking.GetError("ZeroWork").Encode()).Kind);
    }

    [Theory]
    [InlineData("0x08c3", "too short to hold a 4-byte selector")]
    [InlineData("0x08c379a0", "cannot decode revert data as Error(string)")]
    [InlineData("0x08c379a00000000000000000000000000000000000000000000000000000000000001000", "points outside")]
    [InlineData("0x4e487b71000000000000000000000000000000000000000000000000000000000000", "data too short")]
    public void Rejects_malformed_revert_data(string hex, string expected)
    {
        var e = Assert.Throws<AbiException>(() => RevertDecoder.Decode(Hex.Decode(hex)));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
