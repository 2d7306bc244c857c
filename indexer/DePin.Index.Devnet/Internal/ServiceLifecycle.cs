namespace DePin.Index.Devnet.Internal;

/// <summary>
/// The reuse-or-restart rule `up` applies to each server: a recorded process that is alive and answers is kept;
/// one that is alive but does not answer within a few seconds is stopped and started again; a dead one is started
/// again, on its old port when that is still free.
/// </summary>
internal sealed class ServiceLifecycle(string name, IProgress<string>? progress)
{
    private static readonly TimeSpan AnswerGrace = TimeSpan.FromSeconds(5);

    public async Task<ServiceRecord> EnsureAsync(
        ServiceRecord? recorded,
        int preferredPort,
        PortReservations ports,
        Func<ServiceRecord, CancellationToken, Task<bool>> answering,
        Func<ServiceRecord, CancellationToken, Task> stop,
        Func<int, CancellationToken, Task<ServiceRecord>> start,
        CancellationToken cancellationToken)
    {
        if (recorded is not null)
        {
            if (recorded.IsProcessAlive())
            {
                if (await WaitAnsweringAsync(recorded, answering, cancellationToken).ConfigureAwait(false))
                {
                    ports.Reserve(recorded.Port);
                    progress?.Report($"{name}: running (pid {recorded.Pid}, port {recorded.Port})");
                    return recorded;
                }
                progress?.Report($"{name}: pid {recorded.Pid} does not answer; restarting it");
                await stop(recorded, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                progress?.Report($"{name}: pid {recorded.Pid} is gone; starting it again");
            }
        }

        var port = ports.Choose(recorded?.Port ?? 0, preferredPort);
        var record = await start(port, cancellationToken).ConfigureAwait(false);
        progress?.Report($"{name}: started (pid {record.Pid}, port {record.Port}, log {record.LogPath})");
        return record;
    }

    private static async Task<bool> WaitAnsweringAsync(ServiceRecord record, Func<ServiceRecord, CancellationToken, Task<bool>> answering,
        CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + AnswerGrace;
        while (true)
        {
            if (await answering(record, cancellationToken).ConfigureAwait(false)) return true;
            if (DateTime.UtcNow >= deadline || !record.IsProcessAlive()) return false;
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }
}
