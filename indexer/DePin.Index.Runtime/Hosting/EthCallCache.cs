using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Runtime.Hosting;

/// <summary>Results of <c>eth_call</c> for the current block, keyed by target and call data; cleared when the block changes.</summary>
internal sealed class EthCallCache
{
    private readonly Dictionary<string, EthCallResult> _results = new(StringComparer.Ordinal);
    private BlockRef _block;

    public bool TryGet(BlockRef block, Address to, ReadOnlySpan<byte> data, out EthCallResult result)
    {
        if (block != _block)
        {
            _results.Clear();
            _block = block;
        }

        return _results.TryGetValue(Key(to, data), out result);
    }

    public void Add(BlockRef block, Address to, ReadOnlySpan<byte> data, EthCallResult result)
    {
        if (block == _block)
        {
            _results[Key(to, data)] = result;
        }
    }

    private static string Key(Address to, ReadOnlySpan<byte> data) => to.ToHex() + Convert.ToHexString(data);
}
