namespace DePin.Index.Subgraph.Manifest;

/// <summary>A block handler's filter: <c>{ kind: call }</c>, <c>{ kind: once }</c> or <c>{ kind: polling, every: N }</c>.</summary>
public sealed record BlockHandlerFilter(BlockHandlerFilterKind Kind, int? Every = null);
