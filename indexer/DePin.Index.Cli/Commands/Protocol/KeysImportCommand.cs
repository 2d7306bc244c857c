using System.CommandLine;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin keys import`: a private key read from standard input or a hidden prompt (never a flag), stored encrypted.</summary>
internal static class KeysImportCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var json = CliOptions.Json();
        var light = KeysCommands.LightKdf();
        var cmd = new Command("import", "Store a private key (64 hex digits from standard input or a hidden prompt) encrypted.") { light, json };
        cmd.SetAction(parse => ProtocolAction.Run(console, () =>
        {
            var key = Secrets.PrivateKey(console, env);
            var account = KeysCommands.Store(console, env, key, parse.GetValue(light));
            KeysCommands.Print(console, account, parse.GetValue(json), "imported");
            return 0;
        }));
        return cmd;
    }
}
