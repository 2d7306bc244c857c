namespace DePin.Index.Devnet.Internal;

/// <summary>POSIX shell single-quoting, for the few commands that must go through /bin/sh.</summary>
internal static class ShellQuote
{
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));
}
