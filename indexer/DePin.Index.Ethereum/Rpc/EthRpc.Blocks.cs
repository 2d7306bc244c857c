using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc.Internal;

namespace DePin.Index.Ethereum.Rpc;

public sealed partial class EthRpc
{
    /// <summary>eth_getBlockByNumber (transaction hashes only); null when the block does not exist.</summary>
    public Task<Block?> GetBlockByNumberAsync(BlockParameter block, CancellationToken cancellationToken = default)
    {
        if (block.Hash is not null) throw new ArgumentException("use GetBlockByHashAsync for a block hash", nameof(block));
        return Client.CallAsync("eth_getBlockByNumber", [block, false], BlockParser.Parser, cancellationToken);
    }

    /// <summary>eth_getBlockByHash (transaction hashes only); null when the node does not know the block.</summary>
    public Task<Block?> GetBlockByHashAsync(Hash32 hash, CancellationToken cancellationToken = default) =>
        Client.CallAsync("eth_getBlockByHash", [hash, false], BlockParser.Parser, cancellationToken);

    /// <summary>
    /// Several blocks by number in one batch request; the list follows <paramref name="numbers"/>, with null for a
    /// block that does not exist. A JSON-RPC error for any of them is thrown.
    /// </summary>
    public async Task<IReadOnlyList<Block?>> GetBlocksByNumberAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var batch = Client.CreateBatch();
        var items = numbers.Select(n => batch.Add("eth_getBlockByNumber", [BlockParameter.FromNumber(n), false], BlockParser.Parser)).ToList();
        await batch.SendAsync(cancellationToken).ConfigureAwait(false);
        return items.Select(i => i.Result).ToList();
    }
}
