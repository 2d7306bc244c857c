using System.Collections.Concurrent;

namespace DePin.Index.Node.Ipfs;

/// <summary>Blocks in process memory: for tests and offline tools (the node uses <see cref="PostgresIpfsBlockStore"/>).</summary>
public sealed class MemoryIpfsBlockStore : IIpfsBlockStore
{
    private readonly ConcurrentDictionary<Cid, byte[]> _blocks = new();

    public int Count => _blocks.Count;

    public Task<byte[]?> GetAsync(Cid cid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cid);
        return Task.FromResult(_blocks.TryGetValue(cid, out var data) ? data : null);
    }

    public Task PutAsync(IReadOnlyCollection<IpfsBlock> blocks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        foreach (var block in blocks)
        {
            _blocks.TryAdd(block.Cid, block.Data.ToArray());
        }

        return Task.CompletedTask;
    }
}
