namespace DePin.Index.Devnet.Internal;

/// <summary>
/// An exclusive lock on DIR/.lock (flock through FileShare.None) so two `up`/`down` on the same folder run one
/// after the other. Best effort: released when disposed or when the process ends.
/// </summary>
internal sealed class DevnetLock : IDisposable
{
    public const string FileName = ".lock";
    private readonly FileStream _stream;

    private DevnetLock(FileStream stream)
    {
        _stream = stream;
    }

    public static Task<DevnetLock> AcquireAsync(string dir, TimeSpan timeout, IProgress<string>? progress,
        CancellationToken cancellationToken) =>
        AcquireFileAsync(Path.Combine(dir, FileName), timeout, progress, cancellationToken);

    /// <summary>Locks the file <paramref name="path"/> (created if missing).</summary>
    public static async Task<DevnetLock> AcquireFileAsync(string path, TimeSpan timeout, IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var told = false;
        while (true)
        {
            try
            {
                return new DevnetLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                if (!told) progress?.Report($"waiting for the lock {path}");
                told = true;
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new DevnetException($"another devnet command holds {path} for more than {timeout}", ex);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
