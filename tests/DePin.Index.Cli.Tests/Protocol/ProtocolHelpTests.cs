using System.CommandLine;
using Snapshooter;
using Snapshooter.Xunit;
using Spectre.Console.Testing;

namespace DePin.Index.Cli.Tests.Protocol;

/// <summary>The protocol commands' help is a public surface: one golden file per command.</summary>
public class ProtocolHelpTests
{
    [Theory]
    [InlineData("keys")]
    [InlineData("keys new")]
    [InlineData("keys import")]
    [InlineData("keys list")]
    [InlineData("indexer")]
    [InlineData("indexer stake")]
    [InlineData("indexer unstake")]
    [InlineData("indexer withdraw")]
    [InlineData("indexer allocate")]
    [InlineData("indexer close")]
    [InlineData("indexer set-cut")]
    [InlineData("indexer status")]
    [InlineData("delegate")]
    [InlineData("delegate add")]
    [InlineData("delegate remove")]
    [InlineData("delegate withdraw")]
    [InlineData("delegate list")]
    [InlineData("curate")]
    [InlineData("curate signal")]
    [InlineData("curate unsignal")]
    [InlineData("curate show")]
    [InlineData("fees")]
    [InlineData("fees deposit")]
    [InlineData("fees voucher")]
    [InlineData("fees redeem")]
    [InlineData("fees show")]
    [InlineData("subgraph publish")]
    [InlineData("token")]
    [InlineData("token balance")]
    [InlineData("token mint")]
    public async Task Help_output_is_stable(string command)
    {
        var output = new StringWriter();
        var args = command.Split(' ').Append("--help").ToArray();
        var exit = await DepinCli.Build(new TestConsole()).Parse(args).InvokeAsync(new InvocationConfiguration { Output = output });
        Assert.Equal(0, exit);
        output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).MatchSnapshot(SnapshotNameExtension.Create(command.Replace(' ', '_')));
    }

    [Theory]
    [InlineData("curate signal")]
    [InlineData("curate unsignal")]
    [InlineData("delegate add")]
    public async Task Commands_that_show_a_quote_before_sending_take_yes(string command)
    {
        var output = new StringWriter();
        await DepinCli.Build(new TestConsole()).Parse([.. command.Split(' '), "--help"]).InvokeAsync(new InvocationConfiguration { Output = output });
        Assert.Contains("-y, --yes", output.ToString(), StringComparison.Ordinal);
    }
}
