namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>Per request: the deployment, the block answered at and the entity types read (the GraphQL.NET user context).</summary>
internal sealed class RequestState(ServedDeployment deployment, CancellationToken cancellationToken) : Dictionary<string, object?>
{
    private readonly HashSet<string> _entityTypes = new(StringComparer.Ordinal);

    public ServedDeployment Deployment { get; } = deployment;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The block the answer reflects (the highest of the root fields').</summary>
    public int? Block { get; private set; }

    public IReadOnlyCollection<string> EntityTypes
    {
        get
        {
            lock (_entityTypes)
            {
                return _entityTypes.Order(StringComparer.Ordinal).ToArray();
            }
        }
    }

    public void Read(string entityType)
    {
        lock (_entityTypes)
        {
            _entityTypes.Add(entityType);
        }
    }

    public void AnsweredAt(int? block)
    {
        lock (_entityTypes)
        {
            if (block is { } b && (Block is null || b > Block))
            {
                Block = b;
            }
        }
    }
}
