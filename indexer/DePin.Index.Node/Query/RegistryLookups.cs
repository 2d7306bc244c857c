using System.Collections.Concurrent;
using System.Diagnostics;

namespace DePin.Index.Node.Query;

/// <summary>
/// Name → deployment and deployment-exists answers of the registry, reused for one second so a query does not pay a
/// registry round trip (a redeployed name is seen within that second, as graph-node's query nodes see it after their
/// own polling).
/// </summary>
internal sealed class RegistryLookups(IDeploymentRegistry registry)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, (string? Deployment, long At)> _names = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (bool Exists, long At)> _ids = new(StringComparer.Ordinal);

    public async Task<string?> ResolveNameAsync(string name, CancellationToken ct)
    {
        if (_names.TryGetValue(name, out var hit) && Stopwatch.GetElapsedTime(hit.At) < Ttl)
        {
            return hit.Deployment;
        }

        var deployment = await registry.ResolveNameAsync(name, ct).ConfigureAwait(false);
        Bound(_names);
        _names[name] = (deployment, Stopwatch.GetTimestamp());
        return deployment;
    }

    public async Task<bool> DeploymentExistsAsync(string id, CancellationToken ct)
    {
        if (_ids.TryGetValue(id, out var hit) && Stopwatch.GetElapsedTime(hit.At) < Ttl)
        {
            return hit.Exists;
        }

        var exists = await registry.FindDeploymentAsync(id, ct).ConfigureAwait(false) is not null;
        Bound(_ids);
        _ids[id] = (exists, Stopwatch.GetTimestamp());
        return exists;
    }

    private static void Bound<T>(ConcurrentDictionary<string, T> cache)
    {
        if (cache.Count > 10_000)
        {
            cache.Clear();
        }
    }
}
