using DePin.Index.Cli;
using Spectre.Console;

return await DepinCli.Build(AnsiConsole.Console).Parse(args).InvokeAsync();
