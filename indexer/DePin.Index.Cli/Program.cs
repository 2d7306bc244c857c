using DePin.Index.Cli;
using Spectre.Console;

var console = AnsiConsole.Console;
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
