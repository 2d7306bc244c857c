using System.Numerics;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Runtime.Tests.Fixtures;

namespace DePin.Index.Runtime.Tests.HostFunctions;

public class EthereumTests
{
    private const string TokenAbi = """
        [
          {"type":"function","name":"balanceOf","stateMutability":"view","inputs":[{"name":"owner","type":"address"}],"outputs":[{"name":"","type":"uint256"}]},
          {"type":"function","name":"describe","stateMutability":"view","inputs":[{"name":"id","type":"uint256"}],
           "outputs":[{"name":"","type":"tuple","components":[{"name":"name","type":"string"},{"name":"owner","type":"address"},{"name":"values","type":"uint256[]"}]}]}
        ]
        """;

    private static Address A(byte b) => new(Enumerable.Repeat(b, 20).ToArray());

    private sealed class FakeChain : IEthereumCallAdapter
    {
        private readonly ContractAbi _abi = ContractAbi.Parse(TokenAbi);

        public List<(Address To, string Data, BlockRef Block)> Calls { get; } = [];

        public EthCallResult Call(Address to, ReadOnlyMemory<byte> data, BlockRef block)
        {
            Calls.Add((to, Convert.ToHexString(data.Span), block));
            var balanceOf = _abi.GetFunction("balanceOf");
            if (data.Span.StartsWith(balanceOf.Selector.ToArray()))
            {
                var owner = (Address)balanceOf.DecodeCall(data.Span)[0];
                if (owner == A(0x00))
                {
                    return EthCallResult.Revert();
                }

                if (owner == A(0x56))
                {
                    throw new HttpRequestException("connection refused");
                }

                return EthCallResult.Success(balanceOf.EncodeOutput(new BigInteger(1234)));
            }

            var describe = _abi.GetFunction("describe");
            var id = (BigInteger)describe.DecodeCall(data.Span)[0];
            object tuple = new object[] { $"sensor-{id}", A(0x77), new object[] { BigInteger.One, new BigInteger(2) } };
            return EthCallResult.Success(describe.EncodeOutput(tuple));
        }

        public BigInteger GetBalance(Address address, BlockRef block) => BigInteger.Pow(10, 18) * 3;

        public ReadOnlyMemory<byte> GetCode(Address address, BlockRef block) => address == A(0x12) ? new byte[] { 0x60, 0x80 } : ReadOnlyMemory<byte>.Empty;
    }

    private static Harness Create(FakeChain chain)
    {
        var h = new Harness("ethereum")
        {
            Ethereum = chain,
            DataSource = new DataSourceInfo { Name = "Token", Abis = new Dictionary<string, ContractAbi> { ["Token"] = ContractAbi.Parse(TokenAbi) } },
        };
        return h;
    }

    [Fact]
    public void Contract_calls_balances_and_code_at_the_trigger_block()
    {
        var chain = new FakeChain();
        using var h = Create(chain);
        h.Run("handleCalls");
        var r = h.Result("calls");
        Assert.Equal(new BigInteger(1234), r["balance"].AsBigInt());
        Assert.Equal("sensor-7", r["name"].AsString());
        Assert.Equal(BigInteger.Pow(10, 18) * 3, r["ether"].AsBigInt());
        Assert.Equal(3, chain.Calls.Count);
        Assert.All(chain.Calls, c => Assert.Equal(Harness.Block().Ref, c.Block));
        Assert.All(chain.Calls, c => Assert.Equal(A(0x12), c.To));
    }

    [Fact]
    public void Calls_are_cached_per_block()
    {
        var chain = new FakeChain();
        using var h = Create(chain);
        h.Run("handleCalls");
        h.Run("handleCalls");
        Assert.Equal(3, chain.Calls.Count);
        h.Run("handleCalls", new DePin.Index.Runtime.Triggers.BlockTrigger { Block = Harness.Block(2) with { Hash = new Hash32(new byte[32]) } });
        Assert.Equal(6, chain.Calls.Count);
    }

    [Fact]
    public void Rpc_failure_is_non_deterministic()
    {
        using var h = Create(new FakeChain());
        var e = Assert.Throws<NonDeterministicMappingException>(() => h.Run("handleCallFailure"));
        Assert.False(e.IsDeterministic);
        Assert.True(e.Message.Contains("connection refused", StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void Unknown_contract_is_deterministic()
    {
        using var h = Create(new FakeChain());
        var e = Assert.Throws<DeterministicMappingException>(() => h.Run("handleUnknownContract"));
        Assert.True(e.Message.Contains("Could not find ABI for contract \"Other\"", StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void Encode_and_decode_round_trip()
    {
        using var h = Create(new FakeChain());
        h.Run("handleEncodeDecode");
        var encoded = h.Result("abi")["encoded"].AsBytes().ToArray();
        var expected = AbiEncoder.Encode(
            [AbiType.Parse("(address,uint256,string,int256)")],
            [new object[] { A(0x42), new BigInteger(1000), "hi", BigInteger.MinusOne }]);
        Assert.Equal(expected, encoded);
    }

    [Fact]
    public void GetBalance_needs_api_version_0_0_9()
    {
        using var h = new Harness("ethereum", "0.0.8")
        {
            Ethereum = new FakeChain(),
            DataSource = new DataSourceInfo { Name = "Token", Abis = new Dictionary<string, ContractAbi> { ["Token"] = ContractAbi.Parse(TokenAbi) } },
        };
        var e = Assert.Throws<DeterministicMappingException>(() => h.Run("handleCalls"));
        Assert.True(e.Message.Contains("ethereum.getBalance call is not supported before API version 0.0.9", StringComparison.Ordinal), e.Message);
    }
}
