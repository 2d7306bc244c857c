using System.CommandLine;
using Snapshooter;
using Snapshooter.Xunit;
using Spectre.Console.Testing;

namespace DePin.Index.Cli.Tests;

/// <summary>The command line's help is a public surface: golden files catch every change to it.</summary>
public class HelpTests
{
    [Theory]
    [InlineData("root", new[] { "--help" })]
    [InlineData("devnet", new[] { "devnet", "--help" })]
    [InlineData("devnet_up", new[] { "devnet", "up", "--help" })]
    [InlineData("devnet_down", new[] { "devnet", "down", "--help" })]
    [InlineData("simulate", new[] { "simulate", "--help" })]
    [InlineData("bench", new[] { "bench", "--help" })]
    [InlineData("up", new[] { "up", "--help" })]
    [InlineData("node", new[] { "node", "--help" })]
    [InlineData("subgraph_deploy", new[] { "subgraph", "deploy", "--help" })]
    [InlineData("subgraph_remove", new[] { "subgraph", "remove", "--help" })]
    [InlineData("subgraph_status", new[] { "subgraph", "status", "--help" })]
    public async Task Help_output_is_stable(string name, string[] args)
    {
        var (exit, output, _) = await Run(args);
        Assert.Equal(0, exit);
        output.MatchSnapshot(SnapshotNameExtension.Create(name));
    }

    [Fact]
    public async Task An_unknown_option_is_an_error_that_names_it()
    {
        var (exit, _, error) = await Run(["simulate", "--devicez", "10"]);
        Assert.NotEqual(0, exit);
        Assert.Contains("--devicez", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public async Task Simulate_rejects_a_device_count_out_of_range_before_touching_the_chain(string devices)
    {
        var (exit, _, error) = await Run(["simulate", "--devices", devices, "--dir", Path.Combine(Path.GetTempPath(), "depin-no-devnet")]);
        Assert.NotEqual(0, exit);
        Assert.Contains("devices must be 1..1,000,000", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> Run(string[] args)
    {
        var console = new TestConsole();
        var output = new StringWriter();
        var error = new StringWriter();
        var config = new InvocationConfiguration { Output = output, Error = error };
        int exit;
        try
        {
            exit = await DepinCli.Build(console).Parse(args).InvokeAsync(config);
        }
        catch (ArgumentOutOfRangeException e)
        {
            // Program.cs turns exceptions into one red line; here the message itself is what matters.
            exit = 1;
            error.Write(e.Message);
        }
        return (exit, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error + console.Output);
    }
}
