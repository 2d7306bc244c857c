using System.CommandLine;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin token balance|mint`: the protocol token (DPI); on the devnet the deployer is the minter (the faucet).</summary>
internal static class TokenCommands
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var token = new Command("token", "The protocol token (DPI): balances, and minting by a minter (the devnet's deployer is the faucet).");
        token.Subcommands.Add(TokenBalanceCommand.Build(console, env));
        token.Subcommands.Add(TokenMintCommand.Build(console, env));
        return token;
    }
}
