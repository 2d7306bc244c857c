using System.CommandLine;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>
/// The protocol's commands for operators, curators and delegators: keys, indexer, delegate, curate, fees and
/// `subgraph publish`. <see cref="AddTo"/> registers them on the root command.
/// </summary>
public static class ProtocolCli
{
    public static void AddTo(RootCommand root, IAnsiConsole console, CliEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var env = environment ?? CliEnvironment.Process;
        root.Subcommands.Add(KeysCommands.Build(console, env));
        root.Subcommands.Add(IndexerCommands.Build(console, env));
        root.Subcommands.Add(DelegateCommands.Build(console, env));
        root.Subcommands.Add(CurateCommands.Build(console, env));
        root.Subcommands.Add(FeesCommands.Build(console, env));
        root.Subcommands.Add(TokenCommands.Build(console, env));
        // `subgraph deploy|remove|status` belong to the node's commands: publish joins that group, or starts it.
        var subgraph = root.Subcommands.FirstOrDefault(c => c.Name == "subgraph");
        if (subgraph is null)
        {
            subgraph = new Command("subgraph", "Subgraph deployments: publish on the protocol's registry.");
            root.Subcommands.Add(subgraph);
        }
        subgraph.Subcommands.Add(SubgraphPublishCommand.Build(console, env));
    }
}
