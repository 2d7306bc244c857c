namespace DePin.Index.Devnet.Internal;

/// <summary>The end of a server's log file, quoted in error messages.</summary>
internal static class LogTail
{
    public static string Read(string path, int lines = 20)
    {
        try
        {
            if (!File.Exists(path)) return "(no log file)";
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var start = Math.Max(0, stream.Length - 8192);
            stream.Seek(start, SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().TrimEnd().Split('\n');
            return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
        }
        catch (IOException ex)
        {
            return $"(log unreadable: {ex.Message})";
        }
        catch (UnauthorizedAccessException ex)
        {
            return $"(log unreadable: {ex.Message})";
        }
    }
}
