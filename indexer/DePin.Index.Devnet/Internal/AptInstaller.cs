namespace DePin.Index.Devnet.Internal;

/// <summary>Installs Debian packages with apt-get (root only), running `apt-get update` once per instance.</summary>
internal sealed class AptInstaller(IProgress<string>? progress)
{
    private static readonly Dictionary<string, string> Noninteractive = new(StringComparer.Ordinal)
    {
        ["DEBIAN_FRONTEND"] = "noninteractive",
    };

    private bool _updated;

    public async Task InstallAsync(string package, CancellationToken cancellationToken)
    {
        if (!SystemUsers.IsRoot)
        {
            throw new DevnetException($"{package} is missing and installing it needs root: sudo apt-get install -y {package}");
        }
        if (!_updated)
        {
            progress?.Report("apt-get update");
            (await ProcessRunner.RunAsync("apt-get", ["update", "-qq"], cancellationToken, environment: Noninteractive,
                timeout: TimeSpan.FromMinutes(10)).ConfigureAwait(false)).EnsureSuccess();
            _updated = true;
        }
        progress?.Report($"apt-get install -y {package}");
        (await ProcessRunner.RunAsync("apt-get", ["install", "-y", "-qq", package], cancellationToken, environment: Noninteractive,
            timeout: TimeSpan.FromMinutes(15)).ConfigureAwait(false)).EnsureSuccess();
    }
}
