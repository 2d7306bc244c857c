using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Keystore;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>
/// The account that signs: <c>--from ADDRESS|INDEX</c> from the keystore (unlocked with DEPIN_PASSPHRASE or a prompt),
/// or DEPIN_PRIVATE_KEY (for scripts and CI; with <c>--from</c>, the two must name the same address), or the
/// keystore's only account.
/// </summary>
internal static class Signer
{
    public static EthKey Resolve(IAnsiConsole console, CliEnvironment env, string? from)
    {
        if (env.Variable(CliEnvironment.PrivateKey) is { } hex)
        {
            EthKey key;
            try
            {
                key = EthKey.FromHex(hex.Trim());
            }
            catch (SignatureException e)
            {
                throw new CliException($"{CliEnvironment.PrivateKey} is not a private key: {e.Message}", e);
            }
            if (from is null || (Address.TryParse(from.Trim().ToLowerInvariant(), out var named) && named == key.Address)) return key;
            if (!Address.TryParse(from.Trim().ToLowerInvariant(), out _))
            {
                // An index: the keystore decides.
                return FromKeystore(console, env, from);
            }
            throw new CliException($"--from {from} differs from the account of {CliEnvironment.PrivateKey} ({key.Address})");
        }
        return FromKeystore(console, env, from);
    }

    /// <summary>
    /// The address a read-only command shows: <paramref name="explicitAddress"/> if given, else the account
    /// <c>--from</c> or DEPIN_PRIVATE_KEY names (nothing is decrypted).
    /// </summary>
    public static Address AddressOf(CliEnvironment env, string? explicitAddress, string? from)
    {
        if (explicitAddress is not null) return ParseAddress(explicitAddress, "address");
        if (from is not null && Address.TryParse(from.Trim().ToLowerInvariant(), out var named)) return named;
        if (from is null && env.Variable(CliEnvironment.PrivateKey) is { } hex)
        {
            try
            {
                return EthKey.FromHex(hex.Trim()).Address;
            }
            catch (SignatureException e)
            {
                throw new CliException($"{CliEnvironment.PrivateKey} is not a private key: {e.Message}", e);
            }
        }
        var store = env.Keystore();
        try
        {
            if (from is not null) return store.Find(from).Address;
            var accounts = store.List();
            return accounts.Count == 1
                ? accounts[0].Address
                : throw new CliException("which account? give an address, --from ADDRESS|INDEX, or set " + CliEnvironment.PrivateKey);
        }
        catch (KeystoreException e)
        {
            throw new CliException(e.Message, e);
        }
    }

    /// <summary>A 0x address argument (any case; mixed case must carry a valid EIP-55 checksum).</summary>
    public static Address ParseAddress(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        if (Address.TryParse(s, out var address)) return address;
        if (s == s.ToLowerInvariant() || s == s.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal))
        {
            if (Address.TryParse(s.ToLowerInvariant(), out address)) return address;
        }
        throw new CliException($"{what} '{text}' is not a 0x address (40 hex digits, valid EIP-55 checksum if mixed case)");
    }

    private static EthKey FromKeystore(IAnsiConsole console, CliEnvironment env, string? from)
    {
        var store = env.Keystore();
        try
        {
            KeystoreAccount account;
            if (from is not null)
            {
                account = store.Find(from);
            }
            else
            {
                var accounts = store.List();
                account = accounts.Count switch
                {
                    1 => accounts[0],
                    0 => throw new CliException($"no account: create one with `depin keys new` (keystore {store.Path}) or set {CliEnvironment.PrivateKey}"),
                    _ => throw new CliException($"{accounts.Count} accounts in {store.Path}: pick one with --from ADDRESS|INDEX (see `depin keys list`)"),
                };
            }
            var passphrase = Secrets.Passphrase(console, env, $"Passphrase for {account.Address}:", confirm: false);
            return store.Unlock(account, passphrase);
        }
        catch (KeystoreException e)
        {
            throw new CliException(e.Message, e);
        }
    }
}
