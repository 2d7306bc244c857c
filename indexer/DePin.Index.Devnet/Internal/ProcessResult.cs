namespace DePin.Index.Devnet.Internal;

/// <summary>Exit code and captured output of a finished child process.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The last lines of stderr (or stdout if stderr is empty), for error messages.</summary>
    public string Tail(int lines = 15)
    {
        var text = string.IsNullOrWhiteSpace(StandardError) ? StandardOutput : StandardError;
        var all = text.TrimEnd().Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    public ProcessResult EnsureSuccess()
    {
        if (!Succeeded) throw new DevnetException($"`{Command}` failed with exit code {ExitCode}:\n{Tail()}");
        return this;
    }
}
