using System.Text.Json.Nodes;
using DePin.Index.Cli.Commands.Protocol;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Keystore;
using Snapshooter.Xunit;
using Spectre.Console.Testing;

namespace DePin.Index.Cli.Tests.Protocol;

/// <summary>`depin keys new|import|list`: passphrases from DEPIN_PASSPHRASE or a hidden prompt, keys from standard input or a prompt.</summary>
public sealed class KeysCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("depin-cli-keys-");

    private string Keystore => Path.Combine(_dir.FullName, "keystore");

    private CliEnvironment Env(string? passphrase, string? stdin = null) => CliEnvironment.With(
        passphrase is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [CliEnvironment.Passphrase] = passphrase }, stdin, Keystore);

    [Fact]
    public async Task New_stores_an_encrypted_key_that_the_passphrase_opens()
    {
        var run = await CliRun.RunAsync(Env("s3cret"), ["keys", "new", "--light-kdf", "--json"]);
        Assert.Equal(0, run.Exit);
        var json = JsonNode.Parse(run.Output)!;
        var store = new KeystoreDirectory(Keystore);
        var account = Assert.Single(store.List());
        Assert.Equal(account.Address.ToChecksumString(), (string)json["address"]!);
        Assert.Equal(0, (int)json["index"]!);
        Assert.Equal(account.Address, store.Unlock(account, "s3cret").Address);
        Assert.Throws<WrongPassphraseException>(() => store.Unlock(account, "other"));
        Assert.DoesNotContain("s3cret", File.ReadAllText(account.Path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_reads_the_private_key_from_standard_input_and_never_prints_it()
    {
        var key = EthKey.Generate();
        var hex = Convert.ToHexStringLower(key.ExportPrivateKey());
        var run = await CliRun.RunAsync(Env("pw", stdin: "0x" + hex + "\n"), ["keys", "import", "--light-kdf"]);
        Assert.Equal(0, run.Exit);
        Assert.Contains($"imported {key.Address} (#0)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(hex, run.All, StringComparison.Ordinal);
        Assert.Equal(key.ExportPrivateKey(), new KeystoreDirectory(Keystore).Unlock(new KeystoreDirectory(Keystore).Find("0"), "pw").ExportPrivateKey());

        var again = await CliRun.RunAsync(Env("pw", stdin: hex), ["keys", "import", "--light-kdf"]);
        Assert.Equal(1, again.Exit);
        Assert.Contains("already in the keystore", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_rejects_text_that_is_not_a_private_key()
    {
        var run = await CliRun.RunAsync(Env("pw", stdin: "hello\n"), ["keys", "import"]);
        Assert.Equal(1, run.Exit);
        Assert.Contains("not a private key", run.Output, StringComparison.Ordinal);
        Assert.Empty(new KeystoreDirectory(Keystore).List());
    }

    [Fact]
    public async Task Without_DEPIN_PASSPHRASE_the_passphrase_is_prompted_twice_and_hidden()
    {
        var console = new TestConsole().Interactive();
        console.Input.PushTextWithEnter("hunter2");
        console.Input.PushTextWithEnter("hunter2");
        var run = await CliRun.RunAsync(Env(null), ["keys", "new", "--light-kdf"], console);
        Assert.Equal(0, run.Exit);
        Assert.DoesNotContain("hunter2", run.Output, StringComparison.Ordinal);
        var store = new KeystoreDirectory(Keystore);
        Assert.NotNull(store.Unlock(store.Find("0"), "hunter2"));
    }

    [Fact]
    public async Task Differing_prompted_passphrases_store_nothing()
    {
        var console = new TestConsole().Interactive();
        console.Input.PushTextWithEnter("one");
        console.Input.PushTextWithEnter("two");
        var run = await CliRun.RunAsync(Env(null), ["keys", "new", "--light-kdf"], console);
        Assert.Equal(1, run.Exit);
        Assert.Contains("the passphrases differ", run.Output, StringComparison.Ordinal);
        Assert.Empty(new KeystoreDirectory(Keystore).List());
    }

    [Fact]
    public async Task Without_a_terminal_or_DEPIN_PASSPHRASE_the_error_says_how_to_give_one()
    {
        var run = await CliRun.RunAsync(Env(null), ["keys", "new"]);
        Assert.Equal(1, run.Exit);
        Assert.Contains("set DEPIN_PASSPHRASE", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task There_is_no_flag_for_a_passphrase_or_a_private_key()
    {
        foreach (var flag in new[] { "--passphrase", "--password", "--private-key", "--key" })
        {
            var run = await CliRun.RunAsync(Env("pw"), ["keys", "import", flag, "x"]);
            Assert.NotEqual(0, run.Exit);
        }
    }

    [Fact]
    public async Task List_prints_accounts_oldest_first_as_a_table_or_json()
    {
        var keys = new[] { EthKey.FromSeed("a"u8), EthKey.FromSeed("b"u8) };
        var store = new KeystoreDirectory(Keystore);
        store.Store(keys[0], "pw", ScryptParameters.Light, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        store.Store(keys[1], "pw", ScryptParameters.Light, new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));

        var table = await CliRun.RunAsync(Env(null), ["keys", "list"]);
        Assert.Equal(0, table.Exit);
        table.Output.MatchSnapshot();

        var json = JsonNode.Parse((await CliRun.RunAsync(Env(null), ["keys", "list", "--json"])).Output)!;
        Assert.Equal(Path.GetFullPath(Keystore), (string)json["keystore"]!);
        Assert.Equal([keys[0].Address.ToChecksumString(), keys[1].Address.ToChecksumString()],
            json["accounts"]!.AsArray().Select(a => (string)a!["address"]!));
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
