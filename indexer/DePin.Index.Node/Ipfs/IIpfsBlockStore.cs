namespace DePin.Index.Node.Ipfs;

/// <summary>Where the node keeps the IPFS blocks it was given (nothing is fetched from other IPFS nodes).</summary>
public interface IIpfsBlockStore
{
    /// <summary>The block's bytes, or null when this store does not have it.</summary>
    Task<byte[]?> GetAsync(Cid cid, CancellationToken cancellationToken = default);

    /// <summary>Stores blocks; a block already present is left as it is (same CID, same bytes).</summary>
    Task PutAsync(IReadOnlyCollection<IpfsBlock> blocks, CancellationToken cancellationToken = default);
}
