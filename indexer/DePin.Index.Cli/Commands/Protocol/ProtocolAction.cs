using DePin.Index.Ethereum.Rpc;
using DePin.Index.Keystore;
using DePin.Index.Protocol;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>Runs a command's body and turns expected failures into one red line and a non-zero exit code.</summary>
internal static class ProtocolAction
{
    public static async Task<int> RunAsync(IAnsiConsole console, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (CliException e)
        {
            return Fail(console, e.Message, e.ExitCode);
        }
        catch (KeystoreException e)
        {
            return Fail(console, e.Message, 1);
        }
        catch (ProtocolException e)
        {
            // Reverts are decoded by the client into plain messages ("insufficient stake: …").
            return Fail(console, e.Message, 1);
        }
        catch (RpcTransportException e)
        {
            return Fail(console, $"cannot reach the chain: {e.Message}", 3);
        }
        catch (HttpRequestException e)
        {
            return Fail(console, $"cannot reach the chain: {e.Message}", 3);
        }
    }

    public static int Run(IAnsiConsole console, Func<int> body) => RunAsync(console, () => Task.FromResult(body())).GetAwaiter().GetResult();

    private static int Fail(IAnsiConsole console, string message, int exitCode)
    {
        console.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return exitCode;
    }
}
