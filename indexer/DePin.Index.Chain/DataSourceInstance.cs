using DePin.Index.Ethereum.Primitives;
using DePin.Index.Subgraph.Manifest;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Chain;

/// <summary>
/// A data source being indexed: a manifest data source (static), or a template instantiated at run time with an
/// address (dynamic, graph-node's <c>dataSource.create</c>) whose start block is the block that created it.
/// Triggers match it from <see cref="StartBlock"/> to <see cref="EndBlock"/>, both inclusive.
/// </summary>
public sealed class DataSourceInstance
{
    private DataSourceInstance(DataSource definition, Address? address, long startBlock, long? endBlock, long? creationBlock, Entity? context)
    {
        Definition = definition;
        Address = address;
        StartBlock = startBlock;
        EndBlock = endBlock;
        CreationBlock = creationBlock;
        Context = context;
    }

    /// <summary>The manifest entry: a data source, or the template this instance was created from.</summary>
    public DataSource Definition { get; }

    public string Name => Definition.Name;

    /// <summary>The contract; null matches logs of any address (by topic only).</summary>
    public Address? Address { get; }

    public long StartBlock { get; }

    /// <summary>Last block (inclusive); null for no end.</summary>
    public long? EndBlock { get; }

    /// <summary>The block whose handlers created this instance; null for a static data source.</summary>
    public long? CreationBlock { get; }

    /// <summary>The context passed to <c>dataSource.createWithContext</c> (or the manifest's), if any.</summary>
    public Entity? Context { get; }

    public bool IsDynamic => CreationBlock is not null;

    /// <summary>True when triggers of <paramref name="block"/> match this data source.</summary>
    public bool IsActiveAt(long block) => block >= StartBlock && (EndBlock is null || block <= EndBlock);

    /// <summary>True when some block of <paramref name="from"/>..<paramref name="to"/> is active.</summary>
    public bool IsActiveIn(long from, long to) => to >= StartBlock && (EndBlock is null || from <= EndBlock);

    /// <summary>A static data source of the manifest.</summary>
    public static DataSourceInstance FromManifest(DataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        if (dataSource.IsTemplate) throw new ArgumentException($"{dataSource.Name} is a template: use FromTemplate with an address", nameof(dataSource));
        return new DataSourceInstance(dataSource, dataSource.Source.Address, dataSource.Source.StartBlock, dataSource.Source.EndBlock, null, dataSource.Context);
    }

    /// <summary>The static data sources of a manifest, in manifest order.</summary>
    public static IReadOnlyList<DataSourceInstance> FromManifest(SubgraphManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.DataSources.Select(FromManifest).ToList();
    }

    /// <summary>
    /// A template instantiated for <paramref name="address"/> by a handler of block <paramref name="creationBlock"/>
    /// (graph-node: its start block is the creation block, it has no end block).
    /// </summary>
    public static DataSourceInstance FromTemplate(DataSource template, Address address, long creationBlock, Entity? context = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!template.IsTemplate) throw new ArgumentException($"{template.Name} is not a template", nameof(template));
        ArgumentOutOfRangeException.ThrowIfNegative(creationBlock);
        return new DataSourceInstance(template, address, creationBlock, null, creationBlock, context);
    }

    /// <summary>This data source ending at <paramref name="endBlock"/> at the latest (e.g. to index up to a stop block).</summary>
    public DataSourceInstance WithEndBlock(long endBlock)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(endBlock);
        return new DataSourceInstance(Definition, Address, StartBlock, EndBlock is { } e ? Math.Min(e, endBlock) : endBlock, CreationBlock, Context);
    }

    public override string ToString() =>
        $"{Name}{(Address is { } a ? " " + a.ToHex() : " (any address)")} from #{StartBlock}{(EndBlock is { } e ? $" to #{e}" : "")}";
}
