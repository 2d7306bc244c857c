using System.Numerics;
using System.Text;
using DePin.Index.Ethereum.Eip712;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Ethereum.Tests.Signing;

namespace DePin.Index.Ethereum.Tests.Eip712;

/// <summary>The example in EIP-712 itself, with the values the EIP's reference implementation prints.</summary>
public class Eip712MailExampleTests
{
    private static readonly TypedData Mail = TypedData.Parse(TypedDataSamples.Mail);

    [Fact]
    public void EncodeType_lists_referenced_structs_after_the_primary()
    {
        Assert.Equal("Mail(Person from,Person to,string contents)Person(string name,address wallet)", Mail.EncodeType("Mail"));
        Assert.Equal("Person(string name,address wallet)", Mail.EncodeType("Person"));
        Assert.Equal("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)", Mail.EncodeType("EIP712Domain"));
        Assert.Equal(Hash32.Of("Mail(Person from,Person to,string contents)Person(string name,address wallet)"), Mail.TypeHash("Mail"));
    }

    [Fact]
    public void HashStruct_domainSeparator_and_digest_match_the_eip()
    {
        Assert.Equal(Hash32.Parse("0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e"), Mail.HashMessage());
        Assert.Equal(Hash32.Parse("0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f"), Mail.DomainSeparator());
        Assert.Equal(Hash32.Parse("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2"), Mail.SigningHash());
    }

    [Fact]
    public void Signature_with_keccak_of_cow_matches_the_eip()
    {
        var cow = EthKey.FromPrivateKey(Keccak256.Hash("cow"));
        Assert.Equal(Address.Parse("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"), cow.Address); // the message's "from"
        var sig = Mail.Sign(cow);
        Assert.Equal(28, sig.V);
        Assert.Equal("0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d", Hex.Encode(sig.R));
        Assert.Equal("0x07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562", Hex.Encode(sig.S));
        Assert.Equal(cow.Address, Mail.RecoverSigner(sig));
    }

    [Fact]
    public void Signature_with_anvil_key_0_matches_anvil()
    {
        // anvil 1.7.1, eth_signTypedData_v4 from account #0 over the same JSON.
        var sig = Mail.Sign(EthKey.FromHex(EthKeyTests.AnvilKey0));
        Assert.Equal("0x6ea8bb309a3401225701f3565e32519f94a0ea91a5910ce9229fe488e773584c0390416a2190d9560219dab757ecca2029e63fa9d1c2aebf676cc25b9f03126a1b", sig.ToHex());
    }

    [Fact]
    public void EncodeData_is_typeHash_then_one_word_per_member()
    {
        var cow = new Dictionary<string, object?> { ["name"] = "Cow", ["wallet"] = "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826" };
        var expected = new List<byte>();
        expected.AddRange(Keccak256.Hash("Person(string name,address wallet)"));
        expected.AddRange(Keccak256.Hash("Cow"));
        expected.AddRange(new byte[12]);
        expected.AddRange(Hex.Decode("cd2a3d9f938e13cd947ec05abc7fe734df8dd826"));
        Assert.Equal(expected.ToArray(), Mail.EncodeData("Person", cow));
        Assert.Equal(Hash32.Of(expected.ToArray()), Mail.HashStruct("Person", cow));
    }

    [Fact]
    public void Same_typed_data_built_in_code_gives_the_same_digest()
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>
        {
            ["Person"] = [new("name", "string"), new("wallet", "address")],
            ["Mail"] = [new("from", "Person"), new("to", "Person"), new("contents", "string")],
        };
        var domain = new TypedDataDomain
        {
            Name = "Ether Mail",
            Version = "1",
            ChainId = BigInteger.One,
            VerifyingContract = Address.Parse("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"),
        };
        var message = new Dictionary<string, object?>
        {
            ["from"] = new Dictionary<string, object?> { ["name"] = "Cow", ["wallet"] = Address.Parse("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826") },
            ["to"] = new Dictionary<string, object?> { ["name"] = "Bob", ["wallet"] = Address.Parse("0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB").ToArray() },
            ["contents"] = "Hello, Bob!",
        };
        var built = new TypedData(domain, types, "Mail", message);
        Assert.Equal(Mail.SigningHash(), built.SigningHash());
        Assert.Equal(Mail.EncodeType("EIP712Domain"), built.EncodeType("EIP712Domain"));

        // With the domain as a plain struct value and EIP712Domain inferred from its keys.
        var plainDomain = new Dictionary<string, object?>
        {
            ["verifyingContract"] = "0xcccccccccccccccccccccccccccccccccccccccc", ["chainId"] = "0x1", ["version"] = "1", ["name"] = "Ether Mail",
        };
        Assert.Equal(Mail.SigningHash(), new TypedData(types, "Mail", plainDomain, message).SigningHash());
    }

    [Fact]
    public void Primary_type_EIP712Domain_signs_the_domain_alone()
    {
        var json = TypedDataSamples.Mail.Replace("\"primaryType\": \"Mail\"", "\"primaryType\": \"EIP712Domain\"", StringComparison.Ordinal);
        var domainOnly = TypedData.Parse(json);
        byte[] expected = [0x19, 0x01, .. Mail.DomainSeparator().ToArray()];
        Assert.Equal(Hash32.Of(expected), domainOnly.SigningHash());
        Assert.Throws<Eip712Exception>(() => domainOnly.HashMessage());
    }

    [Fact]
    public void Changing_any_member_changes_the_digest()
    {
        var variants = new[]
        {
            TypedDataSamples.Mail.Replace("Hello, Bob!", "Hello, Bob?", StringComparison.Ordinal),
            TypedDataSamples.Mail.Replace("\"Cow\"", "\"Cat\"", StringComparison.Ordinal),
            TypedDataSamples.Mail.Replace("\"chainId\": 1", "\"chainId\": 2", StringComparison.Ordinal),
            TypedDataSamples.Mail.Replace("\"version\": \"1\"", "\"version\": \"2\"", StringComparison.Ordinal),
        };
        var digests = variants.Select(json => TypedData.Parse(json).SigningHash()).Append(Mail.SigningHash()).ToHashSet();
        Assert.Equal(variants.Length + 1, digests.Count);
        Assert.Equal(Encoding.UTF8.GetByteCount(TypedDataSamples.Mail), Encoding.UTF8.GetByteCount(variants[0]));
    }
}
