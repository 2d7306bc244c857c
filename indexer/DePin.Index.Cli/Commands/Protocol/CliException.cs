namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>A failure reported to the user as one plain line (Program.cs prints the message, exit code <see cref="ExitCode"/>).</summary>
public sealed class CliException : Exception
{
    public CliException() { }

    public CliException(string message) : base(message) { }

    public CliException(string message, Exception innerException) : base(message, innerException) { }

    public CliException(string message, int exitCode) : base(message) => ExitCode = exitCode;

    /// <summary>1 = bad input or a refused transaction, 2 = cancelled by the user at a confirmation.</summary>
    public int ExitCode { get; } = 1;
}
