using ChainPtr = DePin.Index.Chain.BlockPtr;
using StorePtr = DePin.Index.Store.BlockPtr;

namespace DePin.Index.Pipeline.Internal;

/// <summary>The chain's block pointer (64-bit number) and the store's (32-bit, as graph-node's <c>int4</c> ranges) converted.</summary>
internal static class Ptrs
{
    public static StorePtr ToStore(this ChainPtr ptr) => new(checked((int)ptr.Number), ptr.Hash);

    public static ChainPtr ToChain(this StorePtr ptr) => new(ptr.Number, ptr.Hash);
}
