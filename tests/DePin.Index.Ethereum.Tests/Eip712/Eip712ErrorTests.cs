using DePin.Index.Ethereum.Eip712;

namespace DePin.Index.Ethereum.Tests.Eip712;

public class Eip712ErrorTests
{
    [Theory]
    [InlineData("uint8", "256", "out of range for uint8")]
    [InlineData("uint8", "-1", "out of range for uint8")]
    [InlineData("int8", "-129", "out of range for int8")]
    [InlineData("int8", "128", "out of range for int8")]
    [InlineData("uint256", "\"12abc\"", "not an integer")]
    [InlineData("uint256", "1.5", "not an integer")]
    [InlineData("uint256", "true", "cannot be a uint256")]
    [InlineData("bytes4", "\"0x123456\"", "exactly 4 bytes, got 3")]
    [InlineData("bytes4", "\"0x1234567890\"", "exactly 4 bytes, got 5")]
    [InlineData("bytes", "\"hello\"", "0x-prefixed hex")]
    [InlineData("bytes", "\"0x123\"", "odd number")]
    [InlineData("address", "\"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD827\"", "checksum")]
    [InlineData("address", "\"0x1234\"", "not a 20-byte hex address")]
    [InlineData("bool", "\"true\"", "cannot be a bool")]
    [InlineData("string", "5", "cannot be a string")]
    [InlineData("uint8[2]", "[1]", "exactly 2 elements, got 1")]
    [InlineData("uint8[]", "\"0x01\"", "cannot be an array")]
    [InlineData("uint8", "null", "missing value")]
    public void Values_that_do_not_fit_their_type_are_rejected(string type, string jsonValue, string messagePart)
    {
        var ex = Assert.Throws<Eip712Exception>(() => TypedData.Parse(Document(type, jsonValue)));
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
        Assert.Contains("S.v", ex.Message, StringComparison.Ordinal); // the path of the value
    }

    [Theory]
    [InlineData("uint7", "multiple of 8")]
    [InlineData("uint264", "multiple of 8")]
    [InlineData("int0", "multiple of 8")]
    [InlineData("uint08", "multiple of 8")]
    [InlineData("bytes33", "1 ≤ N ≤ 32")]
    [InlineData("bytes0", "1 ≤ N ≤ 32")]
    [InlineData("Persn", "unknown type 'Persn'")]
    [InlineData("uint8[0]", "positive integer")]
    [InlineData("uint8[x]", "positive integer")]
    [InlineData("[]", "unbalanced")]
    public void Invalid_type_names_are_rejected(string type, string messagePart)
    {
        var ex = Assert.Throws<Eip712Exception>(() => TypedData.Parse(Document(type, "1")));
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"types":{"S":[]},"primaryType":"S","domain":{}}""", "no 'message'")]
    [InlineData("""{"types":{"S":[]},"domain":{},"message":{}}""", "no 'primaryType'")]
    [InlineData("""{"types":{"S":[]},"primaryType":"T","domain":{},"message":{}}""", "'T' is not defined")]
    [InlineData("""{"types":[],"primaryType":"S","domain":{},"message":{}}""", "'types' must be a JSON object")]
    [InlineData("""{"types":{"S":[{"name":"a"}]},"primaryType":"S","domain":{},"message":{}}""", "string 'name' and 'type'")]
    [InlineData("""{"types":{"S":[{"name":"a","type":"bool"},{"name":"a","type":"bool"}]},"primaryType":"S","domain":{},"message":{"a":true}}""", "member 'a' twice")]
    [InlineData("""{"types":{"address":[]},"primaryType":"address","domain":{},"message":{}}""", "built-in type")]
    [InlineData("""{"types":{"S":[{"name":"a","type":"bool"}]},"primaryType":"S","domain":{},"message":{}}""", "S.a: missing member")]
    [InlineData("""{"types":{"S":[{"name":"a","type":"bool"}]},"primaryType":"S","domain":{},"message":{"a":true,"b":1}}""", "'b' is not a member of S")]
    [InlineData("""{"types":{"S":[]},"primaryType":"S","domain":{"nam":"x"},"message":{}}""", "'nam' is not a standard domain member")]
    [InlineData("""{"types":{"S":[]},"primaryType":"S","domain":{},"message":{"a":1,"a":2}}""", "appears twice")]
    [InlineData("""{"types":{"S":[]},"primaryType":"S","domain":{},"message":[]}""", "'message' must be a JSON object")]
    [InlineData("""{"types":{"S":[]},"primaryType":"S",""", "not valid JSON")]
    [InlineData("""[1]""", "must be a JSON object")]
    public void Malformed_documents_are_rejected(string json, string messagePart)
    {
        var ex = Assert.Throws<Eip712Exception>(() => TypedData.Parse(json));
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cyclic_object_graphs_hit_the_depth_limit_instead_of_the_stack()
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>> { ["Node"] = [new("next", "Node[]")] };
        var node = new Dictionary<string, object?>();
        node["next"] = new object[] { node };
        var ex = Assert.Throws<Eip712Exception>(() => new TypedData(new TypedDataDomain { Name = "x" }, types, "Node", node));
        Assert.Contains("nested deeper", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_domain_type_must_match_the_domain_object()
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>
        {
            ["EIP712Domain"] = [new("name", "string")],
            ["S"] = [],
        };
        var ex = Assert.Throws<Eip712Exception>(() => new TypedData(new TypedDataDomain { Name = "x", ChainId = 1 }, types, "S", new Dictionary<string, object?>()));
        Assert.Contains("does not match", ex.Message, StringComparison.Ordinal);
    }

    private static string Document(string type, string jsonValue) =>
        $$$"""{"types":{"S":[{"name":"v","type":"{{{type}}}"}]},"primaryType":"S","domain":{"name":"d"},"message":{"v":{{{jsonValue}}}}}""";
}
