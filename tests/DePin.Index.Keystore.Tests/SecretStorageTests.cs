using System.Text.Json.Nodes;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Keystore.Tests;

public class SecretStorageTests
{
    [Fact]
    public void A_new_file_round_trips_with_its_passphrase()
    {
        var key = EthKey.Generate();
        var json = SecretStorage.Encrypt(key, "correct horse", ScryptParameters.Light);
        var back = SecretStorage.Decrypt(json, "correct horse");
        Assert.Equal(key.ExportPrivateKey(), back.ExportPrivateKey());
        Assert.Equal(key.Address, SecretStorage.ReadAddress(json));
    }

    [Fact]
    public void A_new_file_has_the_v3_layout_with_scrypt()
    {
        var key = EthKey.Generate();
        var doc = JsonNode.Parse(SecretStorage.Encrypt(key, "p", new ScryptParameters(1024, 8, 1)))!.AsObject();
        Assert.Equal(3, (int)doc["version"]!);
        Assert.Equal(key.Address.ToHex()[2..], (string)doc["address"]!);
        Assert.True(Guid.TryParse((string)doc["id"]!, out _));
        var crypto = doc["crypto"]!;
        Assert.Equal("aes-128-ctr", (string)crypto["cipher"]!);
        Assert.Equal("scrypt", (string)crypto["kdf"]!);
        Assert.Equal(1024, (int)crypto["kdfparams"]!["n"]!);
        Assert.Equal(8, (int)crypto["kdfparams"]!["r"]!);
        Assert.Equal(1, (int)crypto["kdfparams"]!["p"]!);
        Assert.Equal(32, (int)crypto["kdfparams"]!["dklen"]!);
        Assert.Equal(64, ((string)crypto["kdfparams"]!["salt"]!).Length);
        Assert.Equal(32, ((string)crypto["cipherparams"]!["iv"]!).Length);
    }

    [Fact]
    public void Two_encryptions_of_one_key_differ_in_salt_iv_and_ciphertext()
    {
        var key = EthKey.Generate();
        var a = JsonNode.Parse(SecretStorage.Encrypt(key, "p", ScryptParameters.Light))!["crypto"]!;
        var b = JsonNode.Parse(SecretStorage.Encrypt(key, "p", ScryptParameters.Light))!["crypto"]!;
        Assert.NotEqual((string)a["ciphertext"]!, (string)b["ciphertext"]!);
        Assert.NotEqual((string)a["kdfparams"]!["salt"]!, (string)b["kdfparams"]!["salt"]!);
        Assert.NotEqual((string)a["cipherparams"]!["iv"]!, (string)b["cipherparams"]!["iv"]!);
    }

    [Theory]
    [InlineData("ciphertext")]
    [InlineData("mac")]
    [InlineData("salt")]
    public void Tampering_with_the_file_is_detected_by_the_mac(string field)
    {
        var doc = JsonNode.Parse(SecretStorage.Encrypt(EthKey.Generate(), "p", ScryptParameters.Light))!.AsObject();
        var crypto = doc["crypto"]!.AsObject();
        var holder = field == "salt" ? crypto["kdfparams"]!.AsObject() : crypto;
        holder[field] = FlipFirstNibble((string)holder[field]!);
        Assert.Throws<WrongPassphraseException>(() => SecretStorage.Decrypt(doc.ToJsonString(), "p"));
    }

    [Fact]
    public void An_altered_iv_decrypts_to_another_key_and_is_caught_by_the_address_check()
    {
        var doc = JsonNode.Parse(SecretStorage.Encrypt(EthKey.Generate(), "p", ScryptParameters.Light))!.AsObject();
        var cipherparams = doc["crypto"]!["cipherparams"]!.AsObject();
        cipherparams["iv"] = FlipFirstNibble((string)cipherparams["iv"]!);
        var e = Assert.Throws<KeystoreException>(() => SecretStorage.Decrypt(doc.ToJsonString(), "p"));
        Assert.Contains("holds the key of", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "must be JSON")]
    [InlineData("[]", "JSON object")]
    [InlineData("""{"version":1}""", "unsupported key file version 1")]
    [InlineData("""{"version":3}""", "missing 'crypto'")]
    [InlineData("""{"version":3,"crypto":{"cipher":"aes-128-cbc"}}""", "unsupported cipher 'aes-128-cbc'")]
    [InlineData("""{"version":3,"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"00"},"ciphertext":"zz","mac":"00"}}""", "'ciphertext' must be hex")]
    [InlineData("""{"version":3,"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"00"},"ciphertext":"0000000000000000000000000000000000000000000000000000000000000000","mac":"00","kdf":"argon2","kdfparams":{"dklen":32,"salt":"00"}}}""", "unsupported kdf 'argon2'")]
    [InlineData("""{"version":3,"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"00"},"ciphertext":"0000000000000000000000000000000000000000000000000000000000000000","mac":"00","kdf":"scrypt","kdfparams":{"dklen":32,"salt":"00","n":1000,"r":8,"p":1}}}""", "power of two")]
    [InlineData("""{"version":3,"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"00"},"ciphertext":"0000000000000000000000000000000000000000000000000000000000000000","mac":"00","kdf":"pbkdf2","kdfparams":{"dklen":32,"salt":"00","c":1,"prf":"hmac-sha512"}}}""", "unsupported pbkdf2 prf")]
    public void A_malformed_file_is_an_error_that_names_the_problem(string json, string expected)
    {
        var e = Assert.ThrowsAny<KeystoreException>(() => SecretStorage.Decrypt(json, "p"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_capitalised_crypto_member_of_older_wallets_is_read()
    {
        var json = SecretStorageVectorTests.Pbkdf2Vector.Replace("\"crypto\"", "\"Crypto\"", StringComparison.Ordinal);
        Assert.Equal(SecretStorageVectorTests.PrivateKey, Convert.ToHexStringLower(SecretStorage.Decrypt(json, "testpassword").ExportPrivateKey()));
    }

    private static string FlipFirstNibble(string hex) => (hex[0] == '0' ? '1' : '0') + hex[1..];
}
