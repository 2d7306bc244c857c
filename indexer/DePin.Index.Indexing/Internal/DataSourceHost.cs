using DePin.Index.Chain;
using DePin.Index.Runtime;

namespace DePin.Index.Indexing.Internal;

/// <summary>A data source ready to run: its mapping's pooled instance and what <c>dataSource.*</c> answers.</summary>
internal sealed class DataSourceHost(DataSourceInstance source, MappingInstance instance, DataSourceInfo info)
{
    public DataSourceInstance Source { get; } = source;

    public MappingInstance Instance { get; } = instance;

    public DataSourceInfo Info { get; } = info;
}
