using DePin.Index.Store.Layout;
using DePin.Index.Subgraph.Schema;

namespace DePin.Index.GraphQL.Internal.Execution;

internal static class Targets
{
    /// <summary>The tables of an entity type (one) or an interface (its implementers').</summary>
    public static Target Of(RelationalLayout layout, string typeName)
    {
        if (layout.TryGetTable(typeName, out var t))
        {
            return new Target(t.EntityType, [t]);
        }

        if (layout.Schema.TryGetInterface(typeName, out var i))
        {
            return new Target(i, i.Implementers.Select(layout.GetTable).ToArray());
        }

        throw new QueryException($"the schema has no entity type or interface `{typeName}`");
    }
}
