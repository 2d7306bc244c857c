using DePin.Index.Store.Layout;
using GqlSchema = GraphQL.Types.Schema;

namespace DePin.Index.GraphQL.Internal;

/// <summary>What the engine keeps per deployment: its table layout, the generated API schema and its SDL.</summary>
internal sealed class ServedDeployment(string id, RelationalLayout layout, GqlSchema schema, string sdl)
{
    public string Id { get; } = id;

    public RelationalLayout Layout { get; } = layout;

    public GqlSchema Schema { get; } = schema;

    public string Sdl { get; } = sdl;

    /// <summary>The head last read, or null when it must be read again.</summary>
    public volatile HeadState? Head;
}
