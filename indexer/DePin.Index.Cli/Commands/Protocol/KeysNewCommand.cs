using System.CommandLine;
using DePin.Index.Ethereum.Signing;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin keys new`: a fresh random key, encrypted with a passphrase from DEPIN_PASSPHRASE or a hidden prompt.</summary>
internal static class KeysNewCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var json = CliOptions.Json();
        var light = KeysCommands.LightKdf();
        var cmd = new Command("new", "Create a random key and store it encrypted (passphrase: DEPIN_PASSPHRASE or a hidden prompt).") { light, json };
        cmd.SetAction(parse => ProtocolAction.Run(console, () =>
        {
            var account = KeysCommands.Store(console, env, EthKey.Generate(), parse.GetValue(light));
            KeysCommands.Print(console, account, parse.GetValue(json), "created");
            return 0;
        }));
        return cmd;
    }
}
