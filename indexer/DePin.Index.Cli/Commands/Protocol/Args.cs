using System.Globalization;
using DePin.Index.Protocol;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>Parses command-line values; each failure is a <see cref="CliException"/> naming the value.</summary>
internal static class Args
{
    public static DeploymentId Deployment(string text)
    {
        try
        {
            return DeploymentId.Parse(text);
        }
        catch (FormatException e)
        {
            throw new CliException(e.Message, e);
        }
    }

    public static long WholeNumber(string? text, string what) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new CliException($"{what} '{text}' is not a whole number");
}
