using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Chain;

/// <summary>A block pointer: number and hash (graph-node's <c>BlockPtr</c>). The cursor of a deployment is one.</summary>
public readonly record struct BlockPtr(long Number, Hash32 Hash)
{
    /// <summary>The pointer of an RPC block header.</summary>
    public static BlockPtr Of(Ethereum.Rpc.Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return new BlockPtr(block.Number, block.Hash);
    }

    /// <summary><c>#123 (0x1234abcd…)</c>.</summary>
    public override string ToString() => $"#{Number} ({Hash.ToHex()[..10]}…)";
}
