using DePin.Index.Chain;

namespace DePin.Index.Pipeline;

/// <summary>What one store transaction of a runner committed (reported through <see cref="DeploymentRunnerOptions.OnCommitted"/>).</summary>
/// <param name="Cursor">The deployment's new cursor.</param>
/// <param name="Blocks">Blocks in the batch.</param>
/// <param name="Modifications">Entity changes written.</param>
/// <param name="Handlers">Handlers run for those blocks.</param>
/// <param name="CommittedAt">When the commit returned (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>).</param>
public sealed record BatchCommit(BlockPtr Cursor, int Blocks, int Modifications, int Handlers, long CommittedAt)
{
    /// <summary>The deployment the runner indexes.</summary>
    public string DeploymentId { get; init; } = "";

    /// <summary>The entity types the batch changed (distinct, in first-change order); empty when nothing changed.</summary>
    public IReadOnlyList<string> EntityTypes { get; init; } = [];
}
