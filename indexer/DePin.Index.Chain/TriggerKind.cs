namespace DePin.Index.Chain;

/// <summary>The kinds of trigger, in the order graph-node runs them within a block (<c>trigger.rs</c> <c>Ord</c>).</summary>
public enum TriggerKind
{
    /// <summary>A block handler with <c>filter: once</c>, at the data source's start block; runs before everything else.</summary>
    BlockStart,

    /// <summary>An event handler for a log; logs run in log-index order.</summary>
    Log,

    /// <summary>A block handler without filter (every block) or with <c>filter: polling</c>; runs after the logs.</summary>
    BlockEnd,
}
