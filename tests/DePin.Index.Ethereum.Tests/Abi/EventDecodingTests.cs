using System.Numerics;
using System.Text;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Tests.Abi;

public class EventDecodingTests
{
    private const string TransferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    private static readonly EventAbi Erc20Transfer = EventAbi.Parse("event Transfer(address indexed from, address indexed to, uint256 value)");
    private static readonly EventAbi Erc721Transfer = EventAbi.Parse("event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)");
    private static readonly EventAbi ProofSubmitted = EventAbi.Parse(AbiBenchmarks.ProofSubmitted);
    private static readonly EventAbi DeviceRegistered = EventAbi.Parse(AbiBenchmarks.DeviceRegistered);

    [Fact]
    public void Transfer_topic0_is_the_keccak_of_its_signature()
    {
        Assert.Equal("Transfer(address,address,uint256)", Erc20Transfer.Signature);
        Assert.Equal(Hash32.Parse(TransferTopic), Erc20Transfer.Topic0);
        Assert.Equal("Transfer(indexed address,indexed address,uint256)", Erc20Transfer.ManifestSignature);
        Assert.Equal(3, Erc20Transfer.TopicCount);
    }

    [Theory]
    // USDT (0xdAC17F958D2ee523a2206206994597C13D831ec7) on Ethereum mainnet, block 16569423,
    // tx 0x37eeb55eab329c73aeac6a172faa6c77e7013cd0cda0fc472274c5faf0df7003, log 191: 200 USDT.
    [InlineData(
        "0x000000000000000000000000d8a7346ffef357542857ab5fcf7ed1baed08680f",
        "0x00000000000000000000000031c43e2be5bcd4edb512ad47a0f1a93aa22941b9",
        "0x000000000000000000000000000000000000000000000000000000000bebc200",
        "0xd8a7346ffef357542857ab5fcf7ed1baed08680f", "0x31c43e2be5bcd4edb512ad47a0f1a93aa22941b9", "200000000")]
    // WETH (0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2) on Ethereum mainnet, block 18674921,
    // tx 0x132936ab712c2464d6490ec03bac1d7a857e15c6a2627110cd2893a88702d6f2, log 7.
    [InlineData(
        "0x000000000000000000000000bc2c6cd5013585ac720160efcb1feced30837177",
        "0x000000000000000000000000e8c6c9227491c0a8156a0106a0204d881bb7e531",
        "0x00000000000000000000000000000000000000000000000112196230198f8257",
        "0xbc2c6cd5013585ac720160efcb1feced30837177", "0xe8c6c9227491c0a8156a0106a0204d881bb7e531", "19750925599536808535")]
    public void Decodes_a_real_erc20_transfer_log(string topic1, string topic2, string data, string from, string to, string value)
    {
        Hash32[] topics = [Hash32.Parse(TransferTopic), Hash32.Parse(topic1), Hash32.Parse(topic2)];

        var decoded = Erc20Transfer.Decode(topics, Hex.Decode(data));

        Assert.Equal("Transfer", decoded.Name);
        Assert.Equal(Address.Parse(from), decoded.Get<Address>("from"));
        Assert.Equal(Address.Parse(to), decoded["to"]);
        Assert.Equal(BigInteger.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decoded.Get<BigInteger>("value"));
        Assert.Equal([decoded["from"], decoded["to"], decoded["value"]], decoded.Values);
    }

    [Fact]
    public void Indexed_string_comes_back_as_the_keccak_hash_of_its_bytes()
    {
        var ev = EventAbi.Parse("event MetadataSet(string indexed uri, uint256 version, string note)");
        var (topics, data) = ev.EncodeLog("ipfs://device/7", new BigInteger(3), "first");

        var decoded = ev.Decode(topics, data);

        Assert.Equal(Keccak256.Hash("ipfs://device/7"), decoded.Get<byte[]>("uri"));
        Assert.Equal(new BigInteger(3), decoded["version"]);
        Assert.Equal("first", decoded["note"]);
    }

    [Fact]
    public void Indexed_arrays_and_tuples_come_back_as_their_topic()
    {
        var ev = EventAbi.Parse("event Batch(uint256[] indexed ids, (address,uint8) indexed key, bytes indexed blob)");
        var idsTopic = Hash32.Of(Encoding.ASCII.GetBytes("ids"));
        var keyTopic = Hash32.Of(Encoding.ASCII.GetBytes("key"));
        var (topics, data) = ev.EncodeLog(idsTopic, keyTopic, new byte[] { 1, 2, 3 });

        var decoded = ev.Decode(topics, data);

        Assert.Equal(idsTopic.ToArray(), decoded["ids"]);
        Assert.Equal(keyTopic.ToArray(), decoded["key"]);
        Assert.Equal(Keccak256.Hash([1, 2, 3]), decoded["blob"]);
        Assert.Empty(data);
    }

    [Fact]
    public void Round_trips_the_depin_events()
    {
        var owner = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        var key = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        var hash = Keccak256.Hash("reading");
        var proof = ProofSubmitted.EncodeLog(BigInteger.One << 200, owner, 42, 2, new BigInteger(123456789), hash);
        var registered = DeviceRegistered.EncodeLog(7, owner, key, 3, -33_868_820, 151_209_296, "ipfs://bafy/7.json");

        var p = ProofSubmitted.Decode(proof.Topics, proof.Data);
        var r = DeviceRegistered.Decode(registered.Topics, registered.Data);

        Assert.Equal(4, proof.Topics.Length);
        Assert.Equal(96, proof.Data.Length);
        AbiAssert.DeepEqual(new object[] { BigInteger.One << 200, owner, new BigInteger(42), new BigInteger(2), new BigInteger(123456789), hash }, p.Values.ToArray());
        AbiAssert.DeepEqual(new object[] { new BigInteger(7), owner, key, new BigInteger(3), new BigInteger(-33_868_820), new BigInteger(151_209_296), "ipfs://bafy/7.json" }, r.Values.ToArray());
        Assert.Equal(
            "DeviceRegistered(deviceId=7, owner=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266, deviceKey=0x70997970C51812dc3A010C7d01b50e0d17dc79C8, kind=3, latitudeE6=-33868820, longitudeE6=151209296, metadataURI=\"ipfs://bafy/7.json\")",
            r.ToString());
    }

    [Fact]
    public void Anonymous_event_has_no_topic0_and_up_to_four_indexed_parameters()
    {
        var ev = EventAbi.Parse("event Ping(uint8 indexed a, uint8 indexed b, uint8 indexed c, address indexed d, bool flag) anonymous");
        var (topics, data) = ev.EncodeLog(1, 2, 3, Address.Zero, true);

        var decoded = ev.Decode(topics, data);

        Assert.True(ev.Anonymous);
        Assert.Equal(4, topics.Length);
        Assert.DoesNotContain(ev.Topic0, topics);
        Assert.Equal(true, decoded["flag"]);
        Assert.Equal(new BigInteger(3), decoded["c"]);
    }

    public static TheoryData<string, string> BadLogs => new()
    {
        { "wrong topic count", "has 3 topics (2 indexed + topic0), the log has 2" },
        { "wrong topic0", "is not 0xddf252ad" },
        { "dirty address topic", "topic 1 (indexed 'from', address)" },
        { "short data", "data is 31 bytes" },
    };

    [Theory]
    [MemberData(nameof(BadLogs))]
    public void Rejects_logs_that_do_not_fit_the_event(string problem, string expected)
    {
        var (topics, data) = Erc20Transfer.EncodeLog(Address.Zero, Address.Zero, 5);
        switch (problem)
        {
            case "wrong topic count": topics = topics[..2]; break;
            case "wrong topic0": topics[0] = Hash32.Of("Approval(address,address,uint256)"); break;
            case "dirty address topic": topics[1] = Hash32.Parse("0x" + new string('f', 64)); break;
            case "short data": data = data[..31]; break;
        }

        var e = Assert.Throws<AbiException>(() => Erc20Transfer.Decode(topics, data));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_dirty_data_naming_the_parameter()
    {
        var (topics, data) = ProofSubmitted.EncodeLog(1, Address.Zero, 1, 1, 1, new byte[32]);
        data[30] = 1; // kind is uint8: bits above 8 must be zero

        var e = Assert.Throws<AbiException>(() => ProofSubmitted.Decode(topics, data));

        Assert.Contains("'kind' (uint8): uint8 value has non-zero bits above bit 8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_more_indexed_parameters_than_topics_allow()
    {
        var e = Assert.Throws<AbiException>(() => EventAbi.Parse("event E(uint8 indexed a, uint8 indexed b, uint8 indexed c, uint8 indexed d)"));

        Assert.Contains("at most 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_decoder_picks_the_event_by_topic0_and_topic_count()
    {
        var decoder = new LogDecoder([Erc20Transfer, Erc721Transfer, ProofSubmitted, DeviceRegistered]);
        // An ERC-721 mint log: Transfer(0x0, 0x84f6…a47c, tokenId 28), all three parameters indexed, no data.
        Hash32[] mint =
        [
            Hash32.Parse(TransferTopic),
            Hash32.Zero,
            Hash32.Parse("0x00000000000000000000000084f6fbf0b9439ea3968dd5c39feb1741794ea47c"),
            Hash32.Parse("0x000000000000000000000000000000000000000000000000000000000000001c"),
        ];
        var erc20 = Erc20Transfer.EncodeLog(Address.Zero, Address.Zero, 5);
        var proof = ProofSubmitted.EncodeLog(1, Address.Zero, 1, 1, 1, new byte[32]);

        Assert.True(decoder.TryDecode(mint, [], out var nft));
        Assert.Same(Erc721Transfer, nft.Event);
        Assert.Equal(new BigInteger(28), nft["tokenId"]);
        Assert.Same(Erc20Transfer, decoder.Decode(erc20.Topics, erc20.Data).Event);
        Assert.Same(ProofSubmitted, decoder.Decode(proof.Topics, proof.Data).Event);
        Assert.False(decoder.TryDecode([Hash32.Of("Unknown()")], [], out _));
        Assert.False(decoder.TryDecode([], [], out _));
        Assert.Contains("no known event", Assert.Throws<AbiException>(() => decoder.Decode([Hash32.Of("Unknown()")], [])).Message, StringComparison.Ordinal);
        Assert.Contains("need 3", Assert.Throws<AbiException>(() => decoder.Decode(mint[..2], [])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decoded_event_reports_unknown_parameter_names_and_wrong_casts()
    {
        var (topics, data) = Erc20Transfer.EncodeLog(Address.Zero, Address.Zero, 5);
        var decoded = Erc20Transfer.Decode(topics, data);

        Assert.Contains("no parameter named 'amount'", Assert.Throws<KeyNotFoundException>(() => decoded["amount"]).Message, StringComparison.Ordinal);
        Assert.Contains("is a BigInteger, not a String", Assert.Throws<InvalidCastException>(() => decoded.Get<string>("value")).Message, StringComparison.Ordinal);
        Assert.False(decoded.TryGetValue("amount", out _));
    }
}
