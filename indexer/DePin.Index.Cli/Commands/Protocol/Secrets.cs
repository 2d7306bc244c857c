using DePin.Index.Ethereum.Signing;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>Passphrases and private keys: from the environment or a hidden prompt, never from a flag.</summary>
internal static class Secrets
{
    /// <summary>DEPIN_PASSPHRASE, else a hidden prompt (twice when <paramref name="confirm"/>), else an error.</summary>
    public static string Passphrase(IAnsiConsole console, CliEnvironment env, string prompt, bool confirm)
    {
        if (env.Variable(CliEnvironment.Passphrase) is { } fromEnv) return fromEnv;
        if (!console.Profile.Capabilities.Interactive)
        {
            throw new CliException($"no passphrase: set {CliEnvironment.Passphrase} or run in a terminal to be prompted");
        }
        var first = console.Prompt(new TextPrompt<string>(prompt).Secret().AllowEmpty());
        if (confirm)
        {
            var again = console.Prompt(new TextPrompt<string>("Repeat the passphrase:").Secret().AllowEmpty());
            if (!string.Equals(first, again, StringComparison.Ordinal)) throw new CliException("the passphrases differ");
        }
        return first;
    }

    /// <summary>A private key (64 hex digits) from redirected standard input, else a hidden prompt.</summary>
    public static EthKey PrivateKey(IAnsiConsole console, CliEnvironment env)
    {
        string? text;
        if (env.RedirectedInput() is { } input)
        {
            text = input.ReadLine();
        }
        else if (console.Profile.Capabilities.Interactive)
        {
            text = console.Prompt(new TextPrompt<string>("Private key (hex):").Secret());
        }
        else
        {
            throw new CliException("no private key: pipe it on standard input or run in a terminal to be prompted");
        }
        if (string.IsNullOrWhiteSpace(text)) throw new CliException("no private key on standard input");
        try
        {
            return EthKey.FromHex(text.Trim());
        }
        catch (SignatureException e)
        {
            throw new CliException($"not a private key: {e.Message}", e);
        }
    }
}
