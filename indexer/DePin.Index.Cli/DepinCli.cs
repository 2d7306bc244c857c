using System.CommandLine;
using DePin.Index.Cli.Commands;
using Spectre.Console;

namespace DePin.Index.Cli;

/// <summary>The `depin` command tree. Output goes to an injected console so tests can read it.</summary>
public static class DepinCli
{
    public static RootCommand Build(IAnsiConsole console)
    {
        var root = new RootCommand("DePin.Index — indexing and query protocol for DePIN networks.");
        root.Subcommands.Add(DevnetCommands.Build(console));
        root.Subcommands.Add(SimulateCommand.Build(console));
        root.Subcommands.Add(BenchCommand.Build(console));
        root.Subcommands.Add(UpCommand.Build(console));
        root.Subcommands.Add(NodeCommand.Build(console));
        var subgraph = SubgraphCommands.Build(console);
        root.Subcommands.Add(subgraph);
        Commands.Protocol.ProtocolCli.AddTo(root, console);
        return root;
    }
}
