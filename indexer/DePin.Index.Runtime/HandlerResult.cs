namespace DePin.Index.Runtime;

/// <summary>The outcome of a successful handler call (its entity changes are already in the store).</summary>
public sealed record HandlerResult(IReadOnlyList<DataSourceCreation> CreatedDataSources, ulong FuelConsumed);
