namespace DePin.Index.Chain;

/// <summary>
/// A reorganisation: every block above <see cref="To"/> left the canonical chain. The consumer undoes what it
/// wrote for them (and the dynamic data sources they created); <see cref="To"/>, the common ancestor, becomes the
/// cursor and the stream continues with the new branch.
/// </summary>
public sealed record Revert(BlockPtr To) : BlockStreamEvent
{
    public override string ToString() => $"Revert(to {To})";
}
