using DePin.Index.Ethereum.Primitives;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Store;

/// <summary>
/// A data source created at run time from a template (<c>Template.create(address)</c>): reverted with
/// the block that created it. Data sources created in the same block keep the order they were created in.
/// </summary>
/// <param name="Template">The template's name in the manifest.</param>
/// <param name="Block">The block whose handler created it; it applies from the next trigger on.</param>
/// <param name="Address">The contract address, for <c>ethereum/contract</c> templates.</param>
public sealed record DynamicDataSource(string Template, int Block, Address? Address)
{
    /// <summary>Further string parameters (file data sources: the IPFS hash).</summary>
    public IReadOnlyList<string> Params { get; init; } = [];

    /// <summary><c>createWithContext</c>'s context, or null.</summary>
    public Entity? Context { get; init; }
}
