using System.Numerics;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Tests.Abi;

public class ContractAbiJsonTests
{
    // The shape solc writes for the DeviceRegistry of docs/contracts-spec.md (abridged).
    internal const string DeviceRegistryJson = """
    [
      {"type":"constructor","inputs":[],"stateMutability":"nonpayable"},
      {"type":"function","name":"register","stateMutability":"nonpayable",
       "inputs":[{"name":"deviceKey","type":"address","internalType":"address"},{"name":"kind","type":"uint8"},
                 {"name":"latitudeE6","type":"int32"},{"name":"longitudeE6","type":"int32"},{"name":"metadataURI","type":"string"}],
       "outputs":[{"name":"deviceId","type":"uint256"}]},
      {"type":"function","name":"registerBatch","stateMutability":"nonpayable",
       "inputs":[{"name":"devices","type":"tuple[]","internalType":"struct DeviceRegistry.DeviceInput[]","components":[
          {"name":"deviceKey","type":"address"},{"name":"kind","type":"uint8"},{"name":"latitudeE6","type":"int32"},
          {"name":"longitudeE6","type":"int32"},{"name":"metadataURI","type":"string"}]}],
       "outputs":[{"name":"firstId","type":"uint256"}]},
      {"type":"function","name":"ownerOf","stateMutability":"view","inputs":[{"name":"","type":"uint256"}],"outputs":[{"name":"","type":"address"}]},
      {"type":"function","name":"transfer","inputs":[{"name":"deviceId","type":"uint256"},{"name":"to","type":"address"}],"outputs":[]},
      {"type":"function","name":"transfer","inputs":[{"name":"deviceIds","type":"uint256[]"},{"name":"to","type":"address"}],"outputs":[]},
      {"type":"event","name":"DeviceRegistered","anonymous":false,"inputs":[
          {"name":"deviceId","type":"uint256","indexed":true},{"name":"owner","type":"address","indexed":true},
          {"name":"deviceKey","type":"address","indexed":true},{"name":"kind","type":"uint8","indexed":false},
          {"name":"latitudeE6","type":"int32","indexed":false},{"name":"longitudeE6","type":"int32","indexed":false},
          {"name":"metadataURI","type":"string","indexed":false}]},
      {"type":"event","name":"DeviceTransferred","anonymous":false,"inputs":[
          {"name":"deviceId","type":"uint256","indexed":true},{"name":"from","type":"address","indexed":true},{"name":"to","type":"address","indexed":true}]},
      {"type":"error","name":"NotDeviceOwner","inputs":[{"name":"deviceId","type":"uint256"},{"name":"caller","type":"address"}]},
      {"type":"error","name":"ZeroAddress","inputs":[]},
      {"type":"fallback","stateMutability":"payable"},
      {"type":"receive","stateMutability":"payable"}
    ]
    """;

    [Fact]
    public void Parses_functions_events_errors_and_special_entries()
    {
        var abi = ContractAbi.Parse(DeviceRegistryJson);

        Assert.Equal(5, abi.Functions.Count);
        Assert.Equal(2, abi.Events.Count);
        Assert.Equal(2, abi.Errors.Count);
        Assert.NotNull(abi.ConstructorInputs);
        Assert.True(abi.HasFallback);
        Assert.True(abi.HasReceive);
        var register = abi.GetFunction("register");
        Assert.Equal("register(address,uint8,int32,int32,string)", register.Signature);
        Assert.Equal(StateMutability.NonPayable, register.StateMutability);
        Assert.Equal("address", register.Inputs[0].InternalType);
        Assert.Equal(StateMutability.View, abi.GetFunction("ownerOf").StateMutability);
        var batch = abi.GetFunction("registerBatch");
        Assert.Equal("registerBatch((address,uint8,int32,int32,string)[])", batch.Signature);
        Assert.Equal(["deviceKey", "kind", "latitudeE6", "longitudeE6", "metadataURI"], batch.Inputs[0].Type.ElementType!.Components.Select(c => c.Name));
        Assert.Equal("struct DeviceRegistry.DeviceInput[]", batch.Inputs[0].InternalType);
    }

    [Fact]
    public void Looks_up_by_selector_topic0_and_signature()
    {
        var abi = ContractAbi.Parse(DeviceRegistryJson);
        var registered = abi.GetEvent("DeviceRegistered");

        Assert.Same(abi.GetFunction("ownerOf"), abi.GetFunction(Selector.FromSignature("ownerOf(uint256)")));
        Assert.True(abi.TryGetEvent(Hash32.Of("DeviceRegistered(uint256,address,address,uint8,int32,int32,string)"), out var byTopic));
        Assert.Same(registered, byTopic);
        Assert.Same(abi.GetError("NotDeviceOwner"), abi.Errors.Single(e => e.Selector == Selector.FromSignature("NotDeviceOwner(uint256,address)")));
        Assert.Equal("transfer(uint256[],address)", abi.GetFunction("transfer(uint256[] ids, address)").Signature);
        Assert.Equal("transfer(uint256,address)", abi.GetFunction("transfer(uint,address)").Signature);
        Assert.Equal(2, abi.GetFunctions("transfer").Count);
        Assert.False(abi.TryGetFunction(new Selector(0xdeadbeef), out _));
    }

    [Fact]
    public void Lookup_errors_explain_what_is_missing_or_ambiguous()
    {
        var abi = ContractAbi.Parse(DeviceRegistryJson);

        Assert.Contains("overloaded", Assert.Throws<AbiException>(() => abi.GetFunction("transfer")).Message, StringComparison.Ordinal);
        Assert.Contains("no function named 'burn'", Assert.Throws<AbiException>(() => abi.GetFunction("burn")).Message, StringComparison.Ordinal);
        Assert.Contains("no event with topic0", Assert.Throws<AbiException>(() => abi.GetEvent(Hash32.Zero)).Message, StringComparison.Ordinal);
        Assert.Contains("no function with selector 0xdeadbeef", Assert.Throws<AbiException>(() => abi.GetFunction(new Selector(0xdeadbeef))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encodes_a_batch_call_with_a_tuple_array_and_decodes_it_back()
    {
        var abi = ContractAbi.Parse(DeviceRegistryJson);
        var key = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        object[] devices =
        [
            new object[] { key, new BigInteger(1), new BigInteger(48_856_613), new BigInteger(2_352_222), "ipfs://a" },
            new object[] { Address.Zero, new BigInteger(5), new BigInteger(-1), new BigInteger(0), "" },
        ];

        var callData = abi.EncodeCall("registerBatch", [devices]);
        var function = abi.GetFunction(Selector.Read(callData));

        AbiAssert.DeepEqual(new object[] { devices }, function.DecodeCall(callData));
    }

    [Fact]
    public void Decodes_a_log_through_the_abi()
    {
        var abi = ContractAbi.Parse(DeviceRegistryJson);
        var (topics, data) = abi.GetEvent("DeviceTransferred").EncodeLog(9, Address.Zero, Address.Zero);

        var decoded = abi.DecodeLog(topics, data);

        Assert.Equal("DeviceTransferred", decoded.Name);
        Assert.Equal(new BigInteger(9), decoded["deviceId"]);
        Assert.Same(abi.GetEvent("DeviceTransferred"), abi.CreateLogDecoder().Decode(topics, data).Event);
    }

    [Fact]
    public void Accepts_a_build_artifact_object_and_legacy_constant_flags()
    {
        var abi = ContractAbi.Parse("""{"abi":[{"name":"total","constant":true,"inputs":[],"outputs":[{"name":"","type":"uint256"}]}],"bytecode":"0x00"}""");

        var total = abi.GetFunction("total");

        Assert.Equal(StateMutability.View, total.StateMutability);
        Assert.Equal("total()", total.Signature);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("{\"bytecode\":\"0x\"}", "without \"abi\"")]
    [InlineData("42", "JSON array of entries, got a number")]
    [InlineData("[1]", "ABI entry 0: an entry must be a JSON object, got a number")]
    [InlineData("[{\"type\":\"function\"}]", "ABI entry 0: missing \"name\"")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":{}}]", "\"inputs\" must be an array")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"x\"}]}]", "inputs[0]: missing \"type\"")]
    [InlineData("[{\"type\":\"event\",\"name\":\"E\",\"inputs\":[{\"name\":\"x\",\"type\":\"uint7\"}]}]", "ABI entry 0 'E': inputs[0]: bad type 'uint7'")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"s\",\"type\":\"tuple\"}]}]", "needs a \"components\" array")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"s\",\"type\":\"tuple[\",\"components\":[{\"type\":\"bool\"}]}]}]", "array suffix")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"s\",\"type\":\"tuple\",\"components\":[]}]}]", "empty tuple")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"x\",\"type\":\"uint256\",\"indexed\":true}]}]", "only event inputs")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"stateMutability\":\"cheap\"}]", "unknown stateMutability 'cheap'")]
    [InlineData("[{\"type\":\"modifier\",\"name\":\"m\"}]", "unknown entry type 'modifier'")]
    [InlineData("[{\"type\":\"event\",\"name\":\"E\",\"anonymous\":\"no\"}]", "\"anonymous\" must be true or false, got a string")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\"},{\"type\":\"function\",\"name\":\"f\"}]", "function f() is defined twice")]
    [InlineData("[{\"type\":\"function\",\"name\":\"1f\"}]", "not a valid identifier")]
    [InlineData("[{\"type\":\"event\",\"name\":\"E\",\"inputs\":[{\"name\":\"a\",\"type\":\"uint8\",\"indexed\":true},{\"name\":\"b\",\"type\":\"uint8\",\"indexed\":true},{\"name\":\"c\",\"type\":\"uint8\",\"indexed\":true},{\"name\":\"d\",\"type\":\"uint8\",\"indexed\":true}]}]", "at most 3")]
    public void Rejects_malformed_json_abis_with_a_helpful_message(string json, string expected)
    {
        var e = Assert.Throws<AbiException>(() => ContractAbi.Parse(json));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_deeply_nested_json_without_overflowing_the_stack()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"type\":\"tuple\",\"components\":[", 5000)) + "{\"type\":\"bool\"}" + string.Concat(Enumerable.Repeat("]}", 5000));

        var e = Assert.Throws<AbiException>(() => ContractAbi.Parse("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[" + deep + "]}]"));

        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }
}
