using DePin.Index.Runtime.Asc;
using DePin.Index.Runtime.Hosting;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime.HostFunctions;

/// <summary>
/// <c>dataSource.*</c>. <c>create</c>/<c>createWithContext</c> record a request (template,
/// parameters, context, block) that the pipeline acts on when the handler succeeds.
/// </summary>
internal static class DataSourceFunctions
{
    public static void Register(HostFunctionRegistry r)
    {
        r.Add("dataSource.create", (ctx, name, parameters) => Create(ctx, name, parameters, null));
        r.Add("dataSource.createWithContext", (ctx, name, parameters, context) => Create(ctx, name, parameters, ctx.Heap.ReadEntity(context)));
        r.Add("dataSource.address", ctx => ctx.Heap.WriteUint8Array(ctx.Current.DataSource.Address.Span));
        r.Add("dataSource.network", ctx => ctx.Heap.WriteString(ctx.Current.DataSource.Network));
        r.Add("dataSource.context", ctx => ctx.Heap.WriteEntity(ctx.Current.DataSource.Context ?? new Entity()));
    }

    private static void Create(InstanceContext ctx, uint namePtr, uint parametersPtr, Entity? context)
    {
        var name = ctx.Heap.ReadString(namePtr);
        var parameters = ctx.Heap.ReadPointerArray(parametersPtr).Select(ctx.Heap.ReadString).ToArray();
        var dataSource = ctx.Current.DataSource;
        if (!dataSource.Templates.Contains(name))
        {
            throw HostException.Fail(
                $"Failed to create data source from name `{name}`: No template with this name in parent data source " +
                $"`{dataSource.Name}`. Available names: {string.Join(", ", dataSource.Templates)}.");
        }

        ctx.Current.Log?.Invoke(MappingLogLevel.Info, $"Create data source {name} ({string.Join(",", parameters)})");
        ctx.CreatedDataSources.Add(new DataSourceCreation(name, parameters, context, ctx.Current.Trigger.Block.Number));
    }
}
