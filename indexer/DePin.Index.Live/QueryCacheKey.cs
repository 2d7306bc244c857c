using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DePin.Index.Live.Internal;

namespace DePin.Index.Live;

/// <summary>
/// The result cache's key: deployment + head block (number and hash, so a reorg never meets a result of the abandoned fork) +
/// normalised document + operation name + canonical variables. Redis key <c>{prefix}q:{deployment}:{block}:{sha256}</c>.
/// </summary>
public static class QueryCacheKey
{
    /// <summary>The key of a request whose document was normalised to <paramref name="query"/>.</summary>
    public static string Compute(string prefix, string deploymentId, DeploymentHead head, NormalizedQuery query, string? operationName, JsonElement? variables)
    {
        ArgumentNullException.ThrowIfNull(deploymentId);
        ArgumentNullException.ThrowIfNull(query);
        var material = string.Join('\n', "v1", deploymentId, head.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            head.Hash.ToLowerInvariant(), operationName ?? "", query.Text, CanonicalJson.Write(variables));
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
        return $"{prefix}q:{deploymentId}:{head.Number}:{digest}";
    }
}
