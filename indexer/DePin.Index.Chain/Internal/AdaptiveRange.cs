namespace DePin.Index.Chain.Internal;

/// <summary>
/// The backfill range size: starts at the initial size, doubles (up to the max) after a range with few logs,
/// shrinks to the observed density after one with too many, halves (down to the min) when the node refuses or fails
/// a range.
/// </summary>
internal sealed class AdaptiveRange
{
    private readonly BlockStreamOptions _options;
    private readonly BlockStreamDiagnostics _diagnostics;

    public AdaptiveRange(BlockStreamOptions options, BlockStreamDiagnostics diagnostics)
    {
        _options = options;
        _diagnostics = diagnostics;
        Size = options.InitialBlockRange;
        diagnostics.SetRangeSize(Size);
    }

    public int Size { get; private set; }

    /// <summary>
    /// After a successful range of <paramref name="blocks"/> blocks holding <paramref name="logs"/> logs. Too many logs
    /// (over twice the target) cut the size at once to what the observed density says fits the target (at least a
    /// halving); few logs in a full-size range double it.
    /// </summary>
    public void Succeeded(long blocks, int logs)
    {
        if (logs > 2L * _options.TargetLogsPerRange)
        {
            var fitting = (int)Math.Clamp((double)_options.TargetLogsPerRange * blocks / logs, _options.MinBlockRange, Size / 2.0);
            if (fitting < Size)
            {
                Size = fitting;
                _diagnostics.Shrink();
                _diagnostics.SetRangeSize(Size);
            }
        }
        else if (logs * 2L < _options.TargetLogsPerRange && blocks >= Size && Size < _options.MaxBlockRange)
        {
            // only a full-size range says something about the size (the last one before the head is cut short)
            Size = (int)Math.Min((long)Size * 2, _options.MaxBlockRange);
            _diagnostics.Grow();
            _diagnostics.SetRangeSize(Size);
        }
    }

    /// <summary>The node refused or failed the range: halve it. False when it is already the smallest.</summary>
    public bool Refused() => Halve();

    private bool Halve()
    {
        if (Size <= _options.MinBlockRange) return false;
        Size = Math.Max(Size / 2, _options.MinBlockRange);
        _diagnostics.Shrink();
        _diagnostics.SetRangeSize(Size);
        return true;
    }
}
