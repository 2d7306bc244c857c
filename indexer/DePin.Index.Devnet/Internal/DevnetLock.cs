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

    public static async Task<DevnetLock> AcquireAsync(string dir, TimeSpan timeout, IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(dir, FileName);
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
                if (!told) progress?.Report($"waiting for another devnet command on {dir}");
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
