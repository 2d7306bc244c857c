using System.CommandLine;

namespace DePin.Index.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CliOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print the result as JSON (for scripts)." };

    public static Option<string?> DevnetDir() => new("--dir")
    {
        Description = "The devnet's folder (state, data, logs). Default: .devnet/ in the repository.",
    };
}
