using DePin.Index.Live;
using DePin.Index.Pipeline;

namespace DePin.Index.Node.Query;

/// <summary>
/// Turns the runners' commits and reverts into block notices on the live layer's bus (Redis or in-process). Bound late: the
/// runners' options are fixed before the host (and its bus) exists, and no runner commits before the host started. Publishing is
/// not awaited (the hook runs on the writer's task); the bus keeps the order and never throws for a transport failure.
/// </summary>
internal sealed class BlockNoticeRelay
{
    private volatile IBlockNoticeBus? _bus;

    public IBlockNoticeBus? Bus
    {
        get => _bus;
        set => _bus = value;
    }

    public void OnCommitted(BatchCommit c) => Publish(c, revert: false);

    public void OnReverted(BatchCommit c) => Publish(c, revert: true);

    private void Publish(BatchCommit c, bool revert)
    {
        if (_bus is not { } bus || string.IsNullOrEmpty(c.DeploymentId))
        {
            return;
        }

        _ = bus.PublishAsync(new BlockNotice(c.DeploymentId, c.Cursor.Number, c.Cursor.Hash.ToHex(), c.EntityTypes) { Revert = revert });
    }
}
