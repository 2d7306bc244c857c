namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>
/// The block a root field reads at, from its <c>block</c> argument and the head (graph-node's <c>locate_blocks</c>):
/// none → the head; <c>number</c> → that block, refused above the head or below the earliest block kept;
/// <c>hash</c> → the head when it is the head's hash (no chain store of older hashes here); <c>number_gte</c> → the head
/// when it reached the number.
/// </summary>
internal static class BlockResolver
{
    /// <summary>A block number above every block: reads the current versions when nothing was indexed yet.</summary>
    public const int Latest = int.MaxValue;

    public sealed record Located(int Number, bool IsHead, byte[]? Hash);

    public static Located Locate(string deploymentId, HeadState head, object? blockArgument)
    {
        var b = blockArgument as IDictionary<string, object?>;
        var headNumber = head.Number;
        if (b is null || b.Count == 0 || b.All(kv => kv.Value is null))
        {
            return new Located(headNumber ?? Latest, true, head.Hash);
        }

        if (b.TryGetValue("hash", out var h) && h is string hash)
        {
            var bytes = ValueCodec.ParseBytes(hash, "block.hash");
            if (head.Hash is not null && headNumber is { } n && bytes.AsSpan().SequenceEqual(head.Hash))
            {
                return new Located(n, true, head.Hash);
            }

            throw new QueryException($"no block with that hash found: {hash} (this node resolves only the hash of the latest indexed block)");
        }

        if (b.TryGetValue("number", out var num) && num is int number)
        {
            if (headNumber is null || number > headNumber)
            {
                throw new QueryException($"Failed to decode `block.number` value: `subgraph {deploymentId} has only indexed up to block number {headNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} and data for block number {number} is therefore not yet available`");
            }

            if (number < head.EarliestBlock)
            {
                throw new QueryException($"Failed to decode `block.number` value: `subgraph {deploymentId} only has data starting at block number {head.EarliestBlock} and data for block number {number} is therefore not available`");
            }

            return new Located(number, number == headNumber, number == headNumber ? head.Hash : null);
        }

        if (b.TryGetValue("number_gte", out var gte) && gte is int minimum)
        {
            if (headNumber is null || headNumber < minimum)
            {
                throw new QueryException($"Failed to decode `block.number_gte` value: `subgraph {deploymentId} has only indexed up to block number {headNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} and data for block number {minimum} is therefore not yet available`");
            }

            return new Located(headNumber.Value, true, head.Hash);
        }

        return new Located(headNumber ?? Latest, true, head.Hash);
    }
}
