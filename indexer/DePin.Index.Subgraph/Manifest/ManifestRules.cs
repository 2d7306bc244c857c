namespace DePin.Index.Subgraph.Manifest;

/// <summary>Checks across data sources that graph-node makes when a manifest is deployed.</summary>
internal static class ManifestRules
{
    private static readonly Version Spec004 = new(0, 0, 4);
    private static readonly Version Api005 = new(0, 0, 5);

    public static void Check(SubgraphManifest manifest, ManifestNode root)
    {
        UniqueNames(manifest.DataSources);
        UniqueNames(manifest.Templates);

        var first = manifest.DataSources[0];
        foreach (var ds in manifest.DataSources.Concat(manifest.Templates))
        {
            if (ds.Network != first.Network)
            {
                throw Error(ds, "network", $"'{ds.Network}' differs from '{first.Network}' of {first.Location.Path}: all data sources and templates must use the same network");
            }

            var api = ds.Mapping.ApiVersion;
            var firstApi = first.Mapping.ApiVersion;
            if (api != firstApi && (api >= Api005 || firstApi >= Api005))
            {
                throw Error(ds, "mapping.apiVersion", $"{api} differs from {firstApi} of {first.Location.Path}: all mappings must use the same apiVersion");
            }

            if (!ds.IsTemplate && ds.Source.Address is null && (ds.Mapping.CallHandlers.Count > 0 || ds.Mapping.BlockHandlers.Count > 0))
            {
                throw Error(ds, "source.address", "call and block handlers need the data source's contract address");
            }

            if (ds.Mapping.FindAbi(ds.Source.Abi) is null)
            {
                throw Error(ds, "source.abi", $"'{ds.Source.Abi}' is not one of the mapping's ABIs ({string.Join(", ", ds.Mapping.Abis.Select(a => a.Name))})");
            }

            foreach (var handler in ds.Mapping.EventHandlers)
            {
                foreach (var call in handler.Calls)
                {
                    var abi = call.Expression.Split('[', 2)[0].Trim();
                    if (ds.Mapping.FindAbi(abi) is null)
                    {
                        throw handler.Location.Error($"declared call '{call.Label}' uses ABI '{abi}', which is not one of the mapping's ABIs");
                    }
                }
            }
        }

        if (manifest.Graft is not null && manifest.SpecVersion >= Spec004 && !manifest.Features.Contains("grafting"))
        {
            throw root.Required("graft").Error("grafting is used but the `grafting` feature is not declared in `features`");
        }
    }

    private static void UniqueNames(IReadOnlyList<DataSource> list)
    {
        for (var i = 1; i < list.Count; i++)
        {
            var earlier = list.Take(i).FirstOrDefault(d => d.Name == list[i].Name);
            if (earlier is not null)
            {
                throw Error(list[i], "name", $"'{list[i].Name}' is already the name of {earlier.Location.Path}");
            }
        }
    }

    // The data source's location with the key appended: the exact node is not kept after parsing.
    private static ManifestException Error(DataSource ds, string key, string problem) =>
        new(ds.Location.File, ds.Location.Line, ds.Location.Column, $"{ds.Location.Path}.{key}", problem);
}
