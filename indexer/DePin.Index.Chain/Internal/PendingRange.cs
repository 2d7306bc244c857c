using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Chain.Internal;

/// <summary>
/// A backfill range under way: its logs, and the scan (triggers, headers, transactions) that follows them. Used only if
/// the stream still needs exactly this range after the same cursor; otherwise forgotten (its failures observed).
/// </summary>
internal sealed record PendingRange(TriggerFilter Filter, long From, long To, long? CursorNumber, Task<List<Log>> Logs, Task<ScannedRange> Scanned)
{
    public void Forget()
    {
        Observe(Logs);
        Observe(Scanned);
    }

    private static void Observe(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
