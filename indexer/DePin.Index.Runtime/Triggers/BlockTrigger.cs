namespace DePin.Index.Runtime.Triggers;

/// <summary>A block handler invocation (<c>ethereum.Block</c>).</summary>
public sealed record BlockTrigger : MappingTrigger;
