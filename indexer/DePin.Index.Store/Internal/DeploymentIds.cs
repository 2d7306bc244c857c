namespace DePin.Index.Store.Internal;

/// <summary>Deployment ids are IPFS CIDv0 hashes: <c>Qm</c> and 44 more base58 characters.</summary>
internal static class DeploymentIds
{
    private const string Base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    internal static bool IsValid(string? id) =>
        id is { Length: 46 } && id.StartsWith("Qm", StringComparison.Ordinal) && id.All(c => Base58.Contains(c, StringComparison.Ordinal));

    internal static void Check(string? id)
    {
        if (!IsValid(id))
        {
            throw new StoreException($"'{id}' is not a deployment id (an IPFS CIDv0: Qm followed by 44 base58 characters)");
        }
    }
}
