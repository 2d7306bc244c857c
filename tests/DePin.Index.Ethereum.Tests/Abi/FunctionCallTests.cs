using System.Numerics;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Tests.Abi;

public class FunctionCallTests
{
    private static readonly Address Someone = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");

    [Theory]
    [InlineData("transfer(address,uint256)", "0xa9059cbb")]
    [InlineData("balanceOf(address)", "0x70a08231")]
    [InlineData("approve(address,uint256)", "0x095ea7b3")]
    [InlineData("totalSupply()", "0x18160ddd")]
    public void Computes_the_well_known_erc20_selectors(string signature, string selector)
    {
        Assert.Equal(selector, FunctionAbi.Parse(signature).Selector.ToString());
        Assert.Equal(Selector.Parse(selector), Selector.FromSignature(signature));
    }

    [Fact]
    public void Encodes_an_erc20_transfer_call()
    {
        var transfer = FunctionAbi.Parse("function transfer(address to, uint256 amount) external returns (bool)");

        var callData = transfer.EncodeCall(Someone, BigInteger.Pow(10, 18));

        Assert.Equal(
            "0xa9059cbb"
            + "0000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed"
            + "0000000000000000000000000000000000000000000000000de0b6b3a7640000",
            Hex.Encode(callData));
        AbiAssert.DeepEqual(new object[] { Someone, BigInteger.Pow(10, 18) }, transfer.DecodeCall(callData));
    }

    [Fact]
    public void Decodes_return_data()
    {
        var getDevice = FunctionAbi.Parse("function getDevice(uint256 id) external view returns ((address owner, uint8 kind, string uri) device, bool active)");
        var output = getDevice.EncodeOutput(new object[] { Someone, 4, "ipfs://x" }, true);

        var values = getDevice.DecodeOutput(output);

        Assert.Equal(StateMutability.View, getDevice.StateMutability);
        Assert.Equal("getDevice(uint256)", getDevice.Signature);
        Assert.Equal(["device", "active"], getDevice.Outputs.Select(o => o.Name));
        AbiAssert.DeepEqual(new object[] { new object[] { Someone, new BigInteger(4), "ipfs://x" }, true }, values);
    }

    [Fact]
    public void Parses_graph_node_style_signatures_with_outputs_after_a_colon()
    {
        var balanceOf = FunctionAbi.Parse("balanceOf(address):(uint256)");

        Assert.Equal("balanceOf(address)", balanceOf.Signature);
        Assert.Equal(AbiType.UInt256, Assert.Single(balanceOf.Outputs).Type);
        Assert.Equal(new BigInteger(7), balanceOf.DecodeOutput(AbiEncoder.Encode(AbiType.UInt256, 7))[0]);
    }

    [Fact]
    public void Reports_wrong_selectors_and_short_return_data()
    {
        var balanceOf = FunctionAbi.Parse("balanceOf(address owner) view returns (uint256)");
        var transfer = FunctionAbi.Parse("transfer(address,uint256)");

        var wrong = Assert.Throws<AbiException>(() => balanceOf.DecodeCall(transfer.EncodeCall(Someone, 1)));
        var shortOutput = Assert.Throws<AbiException>(() => balanceOf.DecodeOutput(new byte[31]));

        Assert.Contains("selector 0xa9059cbb, not 0x70a08231", wrong.Message, StringComparison.Ordinal);
        Assert.Contains("cannot decode the return data of balanceOf(address) (31 bytes)", shortOutput.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "declaration is empty")]
    [InlineData("transfer", "expected '(' but the text ended")]
    [InlineData("transfer(address,", "expected a type but the text ended")]
    [InlineData("transfer(adress)", "unknown type 'adress'")]
    [InlineData("transfer(address to from)", "unexpected 'from'")]
    [InlineData("f(uint256) returns", "expected '(' but the text ended")]
    public void Rejects_bad_declarations(string declaration, string expected)
    {
        var e = Assert.Throws<AbiException>(() => FunctionAbi.Parse(declaration));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
