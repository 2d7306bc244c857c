using System.CommandLine;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>The options every protocol command shares: the account, the chain, the devnet, JSON output, confirmation.</summary>
internal sealed class TxOptions
{
    public Option<string?> From { get; } = new("--from")
    {
        Description = "The account: its address or index in `depin keys list` (default: DEPIN_PRIVATE_KEY, else the keystore's only account).",
    };

    public Option<string?> Rpc { get; } = new("--rpc") { Description = "JSON-RPC URL (default: DEPIN_RPC_URL, else the devnet's anvil)." };

    public Option<string?> Dir { get; } = CliOptions.DevnetDir();

    public Option<bool> Json { get; } = CliOptions.Json();

    public Option<bool> Yes { get; } = new("--yes", "-y") { Description = "Send without asking for confirmation." };

    /// <summary>Adds --from, --rpc, --dir, --json (and --yes when <paramref name="confirm"/>).</summary>
    public Command AddTo(Command command, bool confirm = false)
    {
        command.Options.Add(From);
        command.Options.Add(Rpc);
        command.Options.Add(Dir);
        command.Options.Add(Json);
        if (confirm) command.Options.Add(Yes);
        return command;
    }

    public ProtocolEndpoint Endpoint(ParseResult parse) => new(parse.GetValue(Rpc), parse.GetValue(Dir));

    /// <summary>Asks "proceed?" unless --yes; without a terminal, --yes is required.</summary>
    public void Confirm(IAnsiConsole console, ParseResult parse, string question)
    {
        if (parse.GetValue(Yes)) return;
        if (!console.Profile.Capabilities.Interactive) throw new CliException("not confirmed: add --yes to send without a terminal", 2);
        if (!console.Confirm(question, defaultValue: false)) throw new CliException("cancelled: nothing was sent", 2);
    }
}
