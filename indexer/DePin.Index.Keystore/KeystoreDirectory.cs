using System.Globalization;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Keystore;

/// <summary>
/// A folder of v3 key files named as geth names them (<c>UTC--2026-11-24T11-25-29.123456700Z--&lt;address&gt;</c>),
/// so listing them by name lists them oldest first. The folder is created with mode 0700 and files with 0600.
/// Default folder: <c>DEPIN_KEYSTORE_DIR</c>, else <c>~/.depin/keystore</c>.
/// </summary>
public sealed class KeystoreDirectory(string path)
{
    public const string EnvironmentVariable = "DEPIN_KEYSTORE_DIR";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The folder DEPIN_KEYSTORE_DIR names, else ~/.depin/keystore.</summary>
    public static KeystoreDirectory Default()
    {
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv)) return new KeystoreDirectory(fromEnv);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return new KeystoreDirectory(System.IO.Path.Combine(home, ".depin", "keystore"));
    }

    /// <summary>The key files, oldest first. Files that are not key files (no parseable address) are skipped.</summary>
    public IReadOnlyList<KeystoreAccount> List()
    {
        if (!Directory.Exists(Path)) return [];
        var accounts = new List<KeystoreAccount>();
        foreach (var file in Directory.EnumerateFiles(Path).Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(file);
            if (name.StartsWith('.') || name.EndsWith(".tmp", StringComparison.Ordinal)) continue;
            Address? address;
            try
            {
                address = SecretStorage.ReadAddress(File.ReadAllText(file));
            }
            catch (KeystoreException)
            {
                continue;
            }
            if (address is { } a) accounts.Add(new KeystoreAccount(accounts.Count, a, file));
        }
        return accounts;
    }

    /// <summary>The account an address (0x…) or a listing index (0, 1, …) names.</summary>
    /// <exception cref="KeystoreException">no such account, or the text is neither.</exception>
    public KeystoreAccount Find(string addressOrIndex)
    {
        ArgumentNullException.ThrowIfNull(addressOrIndex);
        var accounts = List();
        var text = addressOrIndex.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return index < accounts.Count
                ? accounts[index]
                : throw new KeystoreException($"no account #{index} in {Path} ({accounts.Count} account(s); see `depin keys list`)");
        }
        if (!Address.TryParse(text, out var address) && !Address.TryParse(text.ToLowerInvariant(), out address))
        {
            throw new KeystoreException($"'{text}' is neither an account index nor a 0x address");
        }
        return accounts.FirstOrDefault(a => a.Address == address)
            ?? throw new KeystoreException($"no key file for {address} in {Path} (see `depin keys list`)");
    }

    /// <summary>Decrypts an account's key.</summary>
    /// <exception cref="WrongPassphraseException">wrong passphrase.</exception>
    public EthKey Unlock(KeystoreAccount account, string passphrase)
    {
        ArgumentNullException.ThrowIfNull(account);
        return SecretStorage.Decrypt(File.ReadAllText(account.Path), passphrase);
    }

    /// <summary>Encrypts and stores a key; refuses an address the folder already holds.</summary>
    /// <exception cref="KeystoreException">the address is already in the keystore.</exception>
    public KeystoreAccount Store(EthKey key, string passphrase, ScryptParameters? scrypt = null, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (List().FirstOrDefault(a => a.Address == key.Address) is { } existing)
        {
            throw new KeystoreException($"{key.Address} is already in the keystore ({existing.Path})");
        }
        var json = SecretStorage.Encrypt(key, passphrase, scrypt);
        CreateFolder();
        var file = System.IO.Path.Combine(Path, FileName(key.Address, now ?? DateTimeOffset.UtcNow));
        var temp = file + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(json);
        }
        File.Move(temp, file, overwrite: false);
        return List().First(a => a.Address == key.Address);
    }

    /// <summary>geth's name: UTC--&lt;ISO 8601 with '-' for ':' and nanoseconds&gt;--&lt;lower-case address without 0x&gt;.</summary>
    public static string FileName(Address address, DateTimeOffset time) =>
        "UTC--" + time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH'-'mm'-'ss'.'fffffff'00Z'", CultureInfo.InvariantCulture)
        + "--" + address.ToHex()[2..];

    private void CreateFolder()
    {
        if (Directory.Exists(Path)) return;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(Path);
        else Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
