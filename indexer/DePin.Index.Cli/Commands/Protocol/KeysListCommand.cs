using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin keys list`: the keystore's accounts, oldest first, with the index `--from` accepts.</summary>
internal static class KeysListCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var json = CliOptions.Json();
        var cmd = new Command("list", "List the keystore's accounts (the index or the address selects one with --from).") { json };
        cmd.SetAction(parse => ProtocolAction.Run(console, () =>
        {
            var store = env.Keystore();
            var accounts = store.List();
            if (parse.GetValue(json))
            {
                console.WriteLine(JsonOutput.Serialize(new
                {
                    keystore = store.Path,
                    accounts = accounts.Select(a => new { index = a.Index, address = a.Address.ToChecksumString(), file = Path.GetFileName(a.Path) }),
                }), new Style());
                return 0;
            }
            if (accounts.Count == 0)
            {
                console.MarkupLine($"no accounts in {Markup.Escape(store.Path)}: create one with `depin keys new`");
                return 0;
            }
            var table = new Table().AddColumns("#", "address", "file");
            foreach (var a in accounts) table.AddRow(a.Index.ToString(CultureInfo.InvariantCulture), a.Address.ToChecksumString(), Markup.Escape(Path.GetFileName(a.Path)));
            console.Write(table);
            return 0;
        }));
        return cmd;
    }
}
