using System.Text.RegularExpressions;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Keystore.Tests;

public sealed class KeystoreDirectoryTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("depin-keystore-tests-");

    private KeystoreDirectory NewStore() => new(Path.Combine(_root.FullName, "keystore"));

    [Fact]
    public void Stored_keys_are_listed_oldest_first_and_found_by_index_or_address()
    {
        var store = NewStore();
        var first = EthKey.Generate();
        var second = EthKey.Generate();
        store.Store(first, "a", ScryptParameters.Light, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        store.Store(second, "b", ScryptParameters.Light, new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));
        var accounts = store.List();
        Assert.Equal([first.Address, second.Address], accounts.Select(a => a.Address));
        Assert.Equal(second.Address, store.Find("1").Address);
        Assert.Equal(first.Address, store.Find(first.Address.ToHex()).Address);
        Assert.Equal(first.Address, store.Find(first.Address.ToChecksumString()).Address);
        Assert.Equal(second.ExportPrivateKey(), store.Unlock(store.Find("1"), "b").ExportPrivateKey());
        Assert.Throws<WrongPassphraseException>(() => store.Unlock(store.Find("1"), "a"));
    }

    [Fact]
    public void Files_are_named_as_geth_names_them_with_mode_0600_in_a_0700_folder()
    {
        var store = NewStore();
        var key = EthKey.Generate();
        var account = store.Store(key, "p", ScryptParameters.Light, new DateTimeOffset(2026, 11, 24, 11, 25, 29, 123, TimeSpan.Zero));
        Assert.Equal($"UTC--2026-11-24T11-25-29.123000000Z--{key.Address.ToHex()[2..]}", Path.GetFileName(account.Path));
        Assert.Matches(new Regex("^UTC--\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}\\.\\d{9}Z--[0-9a-f]{40}$"), Path.GetFileName(account.Path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(account.Path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(store.Path));
        }
    }

    [Fact]
    public void The_same_address_is_not_stored_twice()
    {
        var store = NewStore();
        var key = EthKey.Generate();
        store.Store(key, "p", ScryptParameters.Light);
        var e = Assert.Throws<KeystoreException>(() => store.Store(key, "p", ScryptParameters.Light));
        Assert.Contains("already in the keystore", e.Message, StringComparison.Ordinal);
        Assert.Single(store.List());
    }

    [Theory]
    [InlineData("3", "no account #3")]
    [InlineData("0x0000000000000000000000000000000000000001", "no key file for")]
    [InlineData("alice", "neither an account index nor a 0x address")]
    public void An_unknown_account_is_an_error_that_names_it(string selector, string expected)
    {
        var store = NewStore();
        store.Store(EthKey.Generate(), "p", ScryptParameters.Light);
        var e = Assert.Throws<KeystoreException>(() => store.Find(selector));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_that_are_not_key_files_are_ignored_and_a_missing_folder_is_empty()
    {
        Assert.Empty(NewStore().List());
        var store = NewStore();
        store.Store(EthKey.Generate(), "p", ScryptParameters.Light);
        File.WriteAllText(Path.Combine(store.Path, "notes.txt"), "hello");
        Assert.Single(store.List());
    }

    [Fact]
    public void The_default_folder_follows_the_environment_variable()
    {
        var previous = Environment.GetEnvironmentVariable(KeystoreDirectory.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(KeystoreDirectory.EnvironmentVariable, _root.FullName);
            Assert.Equal(_root.FullName, KeystoreDirectory.Default().Path);
            Environment.SetEnvironmentVariable(KeystoreDirectory.EnvironmentVariable, null);
            Assert.EndsWith(Path.Combine(".depin", "keystore"), KeystoreDirectory.Default().Path, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(KeystoreDirectory.EnvironmentVariable, previous);
        }
    }

    public void Dispose() => _root.Delete(recursive: true);
}
