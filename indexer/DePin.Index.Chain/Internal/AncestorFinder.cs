namespace DePin.Index.Chain.Internal;

/// <summary>
/// Finds the newest block of the recent chain that is still canonical (the common ancestor of our branch and the
/// node's). When none of the kept blocks is — only possible when the stream started from a cursor without its
/// ancestors — it asks the node for the ancestry of our oldest block by hash, and failing that rewinds to the final
/// block reorg-threshold below it. A reorg deeper than the threshold over a chain we kept is an error.
/// </summary>
internal sealed class AncestorFinder(IChainReader reader, BlockStreamOptions options)
{
    private const int Chunk = 64;

    public async Task<BlockPtr> FindAsync(RecentChain chain, long head, CancellationToken ct)
    {
        var ours = chain.NewestFirst().Where(b => b.Number <= head).ToList();
        foreach (var chunk in ours.Chunk(Chunk))
        {
            var canonical = await reader.GetBlocksAsync([.. chunk.Select(b => b.Number)], ct).ConfigureAwait(false);
            for (var i = 0; i < chunk.Length; i++)
            {
                var node = canonical[i] ?? throw new ChainDataException($"block #{chunk[i].Number} is missing although the head is #{head}");
                if (node.Hash == chunk[i].Hash) return chunk[i];
            }
        }
        var oldest = chain.Oldest ?? throw new InvalidOperationException("a reorg was detected without a cursor");
        if (oldest.Number <= head - options.ReorgThreshold && chain.Count > 1)
        {
            throw new BlockStreamException(
                $"reorg deeper than the reorg threshold ({options.ReorgThreshold} blocks): none of the {chain.Count} recent blocks down to {oldest} is canonical any more",
                oldest.Number, 1, null);
        }
        if (await WalkByHashAsync(oldest, ct).ConfigureAwait(false) is { } found) return found;
        var target = Math.Max(0, Math.Min(oldest.Number, head) - options.ReorgThreshold);
        var block = (await reader.GetBlocksAsync([target], ct).ConfigureAwait(false))[0]
            ?? throw new ChainDataException($"block #{target} is missing while rewinding to a final block");
        return BlockPtr.Of(block);
    }

    /// <summary>Follows parent hashes of a block the node still knows (off-chain) until a canonical one.</summary>
    private async Task<BlockPtr?> WalkByHashAsync(BlockPtr from, CancellationToken ct)
    {
        var block = await reader.GetBlockByHashAsync(from.Hash, ct).ConfigureAwait(false);
        for (var steps = 0; block is not null && block.Number > 0 && steps <= options.ReorgThreshold; steps++)
        {
            var parent = (await reader.GetBlocksAsync([block.Number - 1], ct).ConfigureAwait(false))[0];
            if (parent?.Hash == block.ParentHash) return new BlockPtr(block.Number - 1, block.ParentHash);
            block = await reader.GetBlockByHashAsync(block.ParentHash, ct).ConfigureAwait(false);
        }
        return null;
    }
}
