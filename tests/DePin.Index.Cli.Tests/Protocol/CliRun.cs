using System.CommandLine;
using DePin.Index.Cli.Commands.Protocol;
using Spectre.Console.Testing;

namespace DePin.Index.Cli.Tests.Protocol;

/// <summary>Runs `depin …` in process with a test console and a test environment (no process-wide variables).</summary>
public static class CliRun
{
    public sealed record Result(int Exit, string Output, string Error)
    {
        public string All => Output + Error;
    }

    public static async Task<Result> RunAsync(CliEnvironment env, string[] args, TestConsole? console = null)
    {
        console ??= new TestConsole();
        console.Width(160);
        var root = new RootCommand("test");
        ProtocolCli.AddTo(root, console, env);
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        return new Result(exit, Normalize(console.Output + output), Normalize(error.ToString()));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
