using System.CommandLine;
using DePin.Index.Keystore;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin keys new|import|list`: the encrypted keystore (Web3 Secret Storage v3).</summary>
internal static class KeysCommands
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var keys = new Command("keys", "The encrypted keystore (Ethereum's v3 key files in ~/.depin/keystore or DEPIN_KEYSTORE_DIR).");
        keys.Subcommands.Add(KeysNewCommand.Build(console, env));
        keys.Subcommands.Add(KeysImportCommand.Build(console, env));
        keys.Subcommands.Add(KeysListCommand.Build(console, env));
        return keys;
    }

    public static Option<bool> LightKdf() => new("--light-kdf")
    {
        Description = "Weaker scrypt (n=4096, r=8, p=6) for throwaway devnet keys: fast, not for real funds.",
    };

    /// <summary>Prints a stored account: a line, or JSON.</summary>
    public static void Print(IAnsiConsole console, KeystoreAccount account, bool json, string verb)
    {
        if (json)
        {
            console.WriteLine(JsonOutput.Serialize(new { address = account.Address.ToChecksumString(), index = account.Index, path = account.Path }), new Style());
            return;
        }
        console.MarkupLine($"[green]{verb}[/] {account.Address} (#{account.Index}) in {Markup.Escape(account.Path)}");
    }

    public static KeystoreAccount Store(IAnsiConsole console, CliEnvironment env, Ethereum.Signing.EthKey key, bool light)
    {
        var store = env.Keystore();
        if (store.List().Any(a => a.Address == key.Address)) throw new CliException($"{key.Address} is already in the keystore {store.Path}");
        var passphrase = Secrets.Passphrase(console, env, "New passphrase:", confirm: true);
        try
        {
            return store.Store(key, passphrase, light ? ScryptParameters.Light : ScryptParameters.Standard);
        }
        catch (KeystoreException e)
        {
            throw new CliException(e.Message, e);
        }
    }
}
