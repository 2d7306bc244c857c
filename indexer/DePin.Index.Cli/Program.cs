using DePin.Index.Cli;
using Spectre.Console;

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // Spectre wraps at 80 columns when the output is not a terminal, which would break long JSON values (signatures,
    // vouchers) for scripts that pipe them into another command. A pipe has no width: never wrap.
    console.Profile.Width = 8192;
}
var config = new System.CommandLine.InvocationConfiguration { EnableDefaultExceptionHandler = false };
try
{
    return await DepinCli.Build(console).Parse(args).InvokeAsync(config);
}
catch (OperationCanceledException)
{
    console.MarkupLine("[yellow]cancelled[/]");
    return 130;
}
catch (Exception e)
{
    // Bad input and failures are reported as one clear message; DEPIN_DEBUG=1 shows the stack trace.
    console.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
    if (Environment.GetEnvironmentVariable("DEPIN_DEBUG") == "1") console.WriteException(e);
    return 1;
}
