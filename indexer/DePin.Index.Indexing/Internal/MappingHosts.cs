using DePin.Index.Chain;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Runtime;
using DePin.Index.Subgraph;
using DePin.Index.Subgraph.Manifest;

namespace DePin.Index.Indexing.Internal;

/// <summary>
/// The compiled mappings of a subgraph: one <see cref="MappingModule"/> per distinct wasm file of its data sources
/// and templates, compiled when the subgraph is loaded, with one pooled <see cref="MappingInstance"/> each (a
/// subgraph runs on one thread); and a <see cref="DataSourceHost"/> per data source instance.
/// </summary>
internal sealed class MappingHosts : IDisposable
{
    private readonly SubgraphDefinition _definition;
    private readonly Dictionary<DataSource, (MappingModule Module, MappingInstance Instance)> _mappings = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<DataSource, IReadOnlyDictionary<string, ContractAbi>> _abis = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<DataSourceInstance, DataSourceHost> _hosts = new(ReferenceEqualityComparer.Instance);
    private readonly List<MappingModule> _modules = [];
    private readonly List<MappingInstance> _instances = [];
    private readonly string[] _templates;

    public MappingHosts(SubgraphDefinition definition, MappingHostOptions? options)
    {
        _definition = definition;
        _templates = definition.Manifest.Templates.Select(t => t.Name).ToArray();
        var byFile = new Dictionary<string, (MappingModule, MappingInstance)>(StringComparer.Ordinal);
        try
        {
            foreach (var ds in definition.Manifest.DataSources.Concat(definition.Manifest.Templates))
            {
                var file = ds.Mapping.File.FullPath
                    ?? throw new MappingModuleException($"data source {ds.Name}: the mapping {ds.Mapping.File} is not a local file");
                var key = file + "|" + ds.Mapping.ApiVersion;
                if (!byFile.TryGetValue(key, out var mapping))
                {
                    var module = MappingModule.Load(ReadWasm(ds, file), ds.Mapping.ApiVersion.ToString(), options);
                    _modules.Add(module);
                    var instance = module.CreateInstance();
                    _instances.Add(instance);
                    byFile[key] = mapping = (module, instance);
                }

                _mappings[ds] = mapping;
                _abis[ds] = ds.Mapping.Abis.ToDictionary(a => a.Name, a => definition.GetAbi(ds, a.Name), StringComparer.Ordinal);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The host of a data source instance (created on first use).</summary>
    public DataSourceHost For(DataSourceInstance source)
    {
        if (_hosts.TryGetValue(source, out var host))
        {
            return host;
        }

        if (!_mappings.TryGetValue(source.Definition, out var mapping))
        {
            throw new ArgumentException($"data source {source} is not part of this subgraph", nameof(source));
        }

        var info = new DataSourceInfo
        {
            Name = source.Name,
            Network = source.Definition.Network,
            Address = source.Address is { } a ? a.ToArray() : ReadOnlyMemory<byte>.Empty,
            Context = source.Context,
            Templates = _templates,
            Abis = _abis[source.Definition],
        };
        host = new DataSourceHost(source, mapping.Instance, info);
        _hosts[source] = host;
        return host;
    }

    /// <summary>The data source a handler's <c>dataSource.create</c> asked for, active from <paramref name="block"/> on.</summary>
    /// <exception cref="ArgumentException">for an unknown template or a first parameter that is not an address.</exception>
    public DataSourceInstance Create(DataSourceCreation creation, long block)
    {
        var template = _definition.Manifest.FindTemplate(creation.Template)
            ?? throw new ArgumentException($"dataSource.create: the subgraph has no template '{creation.Template}'", nameof(creation));
        if (creation.Parameters.Count < 1 || !Address.TryParse(creation.Parameters[0], out var address))
        {
            throw new ArgumentException(
                $"dataSource.create('{creation.Template}', [{string.Join(", ", creation.Parameters)}]): an ethereum/contract template needs the contract address as its first parameter",
                nameof(creation));
        }

        var source = DataSourceInstance.FromTemplate(template, address, block, creation.Context);
        For(source);
        return source;
    }

    /// <summary>Drops the host of a data source that no longer exists (a failed or reverted block created it).</summary>
    public void Forget(DataSourceInstance source) => _hosts.Remove(source);

    public void Dispose()
    {
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }

        foreach (var module in _modules)
        {
            module.Dispose();
        }

        _instances.Clear();
        _modules.Clear();
    }

    private static byte[] ReadWasm(DataSource ds, string file)
    {
        try
        {
            return File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MappingModuleException($"data source {ds.Name}: cannot read the mapping {file}: {e.Message}", e);
        }
    }
}
