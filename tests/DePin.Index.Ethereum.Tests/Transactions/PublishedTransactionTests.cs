using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Ethereum.Tests.Signing;
using DePin.Index.Ethereum.Transactions;

namespace DePin.Index.Ethereum.Tests.Transactions;

/// <summary>Transactions compared byte for byte with EIP-155's example and with what anvil 1.7.1 signed and mined.</summary>
public class PublishedTransactionTests
{
    private const string Eip155Raw =
        "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

    private static readonly BigInteger Gwei = 1_000_000_000;
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);
    private static readonly Address Bob = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"); // anvil account #1

    private static LegacyTransaction Eip155Example => new()
    {
        Nonce = 9,
        GasPrice = 20 * Gwei,
        GasLimit = 21000,
        To = Address.Parse("0x3535353535353535353535353535353535353535"),
        Value = Ether,
        ChainId = 1,
    };

    [Fact]
    public void Eip155_example_signing_hash()
    {
        Assert.Equal(Hash32.Parse("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"), Eip155Example.SigningHash());
        // The EIP also gives the signing data: rlp([9, 20 gwei, 21000, 0x3535…, 1 ether, "", 1, 0, 0]).
        var signingData = Hex.Decode("0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080");
        Assert.Equal(Hash32.Of(signingData), Eip155Example.SigningHash());
    }

    [Fact]
    public void Eip155_example_signed_transaction()
    {
        var key = EthKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        var signed = Eip155Example.Sign(key);
        Assert.Equal(Eip155Raw, signed.RawHex);
        Assert.Equal(37, signed.V);
        Assert.Equal(Hash32.Of(Hex.Decode(Eip155Raw)), signed.Hash);
        Assert.Equal(key.Address, signed.Sender);
    }

    [Fact]
    public void Eip155_example_decodes_with_its_sender()
    {
        var decoded = TransactionDecoder.Decode(Eip155Raw);
        var tx = Assert.IsType<LegacyTransaction>(decoded.Transaction);
        Assert.Equal(9UL, tx.Nonce);
        Assert.Equal(20 * Gwei, tx.GasPrice);
        Assert.Equal(21000UL, tx.GasLimit);
        Assert.Equal(Address.Parse("0x3535353535353535353535353535353535353535"), tx.To);
        Assert.Equal(Ether, tx.Value);
        Assert.True(tx.Data.IsEmpty);
        Assert.Equal(1UL, tx.ChainId);
        Assert.Equal(37, decoded.V);
        Assert.Equal(Address.Parse("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"), decoded.Sender);
        Assert.Equal(Eip155Raw, decoded.RawHex);
    }

    public static TheoryData<string, string, string, Transaction> AnvilMined => new()
    {
        {
            "type 2 transfer",
            "0x7d4c13ed95c0cee830d7457ec5a5976db1fc301cfa7a23fef0039a7ccf6aea87",
            "0x02f874827a6980843b9aca0084773594008252089470997970c51812dc3a010c7d01b50e0d17dc79c8880de0b6b3a764000080c080a074128fd7d42631897474d93692787a2e56b813754468caaca4993c641c986a37a06d5a3b027177cc2841199b70400fece0a29ac5eabee2fa9cbf9b6aa213716c48",
            new Eip1559Transaction { ChainId = 31337, Nonce = 0, MaxPriorityFeePerGas = Gwei, MaxFeePerGas = 2 * Gwei, GasLimit = 21000, To = Bob, Value = Ether }
        },
        {
            "legacy EIP-155 call with data",
            "0x7e51835d38baae62b6a7cdaf7bccd16328322a752c85052f79e1924e1ce9018f",
            "0xf8690184b2d05e008275309470997970c51812dc3a010c7d01b50e0d17dc79c80184deadbeef82f4f5a0b9920021b9daf937a2ce2e8c07e91301392e8ed390f0bf8efaf62377cca1c335a04cde976ab2201591739c6d4a5e775bf30bbf1f60b67be199027adf5ff0c43a1f",
            new LegacyTransaction { ChainId = 31337, Nonce = 1, GasPrice = 3 * Gwei, GasLimit = 30000, To = Bob, Value = 1, Data = new byte[] { 0xde, 0xad, 0xbe, 0xef } }
        },
        {
            "type 1 with access list",
            "0x2907df084a11877341d20d014e226c5521c7bca82fd8f2c5892bc30e05a6c840",
            "0x01f8a1827a690284b2d05e00830186a09470997970c51812dc3a010c7d01b50e0d17dc79c88080f838f79470997970c51812dc3a010c7d01b50e0d17dc79c8e1a0000000000000000000000000000000000000000000000000000000000000000180a0e070008475f790d431e143a92075b523c334a7fa1400da5907a3fac761d51c11a04d4103e1a6db90ed611f1f1aa920985b122746b43636515a3dd035f13f564f2c",
            new Eip2930Transaction
            {
                ChainId = 31337, Nonce = 2, GasPrice = 3 * Gwei, GasLimit = 100000, To = Bob, Value = 0,
                AccessList = new AccessList([new AccessListEntry(Bob, [Hash32.Parse("0x0000000000000000000000000000000000000000000000000000000000000001")])]),
            }
        },
        {
            "type 2 contract creation",
            "0x35d6cbaea495b41b7c93d5cfa92e70d8744db66b494f0d1ececde9e19ed8d6f5",
            "0x02f86b827a6903808477359400830186a0808096600a600c600039600a6000f3602a60005260206000f3c001a0c31eec0bfe565c89c1b83921436ca2bae4ca56a86945201c67c4f913ec6817c8a0675155799e61855754658ae867475fccad5e4c151f243900c8e68aface61d0da",
            new Eip1559Transaction
            {
                ChainId = 31337, Nonce = 3, MaxPriorityFeePerGas = 0, MaxFeePerGas = 2 * Gwei, GasLimit = 100000, To = null,
                Data = Hex.Decode("0x600a600c600039600a6000f3602a60005260206000f3"),
            }
        },
    };

    [Theory]
    [MemberData(nameof(AnvilMined))]
    public void Signing_reproduces_what_anvil_signed_and_mined(string name, string hash, string raw, Transaction tx)
    {
        var signed = tx.Sign(EthKey.FromHex(EthKeyTests.AnvilKey0));
        Assert.True(raw == signed.RawHex, $"{name}: {signed.RawHex}");
        Assert.Equal(hash, signed.Hash.ToHex());
    }

    [Theory]
    [MemberData(nameof(AnvilMined))]
    public void Decoding_what_anvil_mined_gives_the_fields_and_sender(string name, string hash, string raw, Transaction tx)
    {
        var decoded = TransactionDecoder.Decode(raw);
        Assert.Equal(tx.Type, decoded.Type);
        Assert.Equal(hash, decoded.Hash.ToHex());
        Assert.True(Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266") == decoded.Sender, name);
        Assert.Equal(tx.SigningHash(), decoded.Transaction.SigningHash());
        Assert.Equal(tx.To, decoded.Transaction.To);
        Assert.Equal(tx.Data.ToArray(), decoded.Transaction.Data.ToArray());
        Assert.Equal(raw, decoded.Transaction.Sign(EthKey.FromHex(EthKeyTests.AnvilKey0)).RawHex);
    }
}
