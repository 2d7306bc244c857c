using System.Globalization;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Store;

/// <summary>A block by number and hash: a deployment's cursor, a revert target.</summary>
public readonly record struct BlockPtr(int Number, Hash32 Hash)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"#{Number} ({Hash.ToHex()})");
}
