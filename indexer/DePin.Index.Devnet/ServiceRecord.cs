namespace DePin.Index.Devnet;

/// <summary>One running server as recorded in .devnet/state.json.</summary>
/// <param name="Pid">The server's process id (for PostgreSQL: the postmaster).</param>
/// <param name="Port">Its TCP port on 127.0.0.1.</param>
/// <param name="Url">How clients reach it: postgresql://…, redis://…, http://… (anvil's JSON-RPC).</param>
/// <param name="LogPath">Its log file (absolute).</param>
/// <param name="StartedAt">When it was started.</param>
/// <param name="CommandName">The kernel's name for the process (/proc/PID/comm), checked with the PID.</param>
/// <param name="StartTicks">The process start time in clock ticks since boot; PID + start time survive PID reuse.</param>
public sealed record ServiceRecord(
    int Pid,
    int Port,
    string Url,
    string LogPath,
    DateTimeOffset StartedAt,
    string CommandName,
    long? StartTicks)
{
    /// <summary>True when the PID is alive and is still the process this record describes (no answer check).</summary>
    public bool IsProcessAlive() => Internal.ProcessTable.IsSameProcess(Pid, CommandName, StartTicks);
}
