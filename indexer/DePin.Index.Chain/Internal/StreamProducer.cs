using System.Threading.Channels;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Chain.Internal;

/// <summary>
/// The background reader of a <see cref="PollingBlockStream"/>: works on its own copy of the stream state and
/// writes events into a bounded channel (so it runs at most <see cref="BlockStreamOptions.PrefetchEvents"/> events
/// ahead of the consumer). One step at a time:
/// <list type="bullet">
/// <item>caught up (next block above the head): check the cursor's block is still canonical, else revert; sleep.</item>
/// <item>next block final (≤ head − reorg threshold): scan an adaptive eth_getLogs range up to the final limit.</item>
/// <item>otherwise: read the next headers, follow parent hashes from the cursor; a parent that is not the cursor
/// means a reorg: walk back the recent chain to the common ancestor and emit <see cref="Revert"/>.</item>
/// </list>
/// A failed step is retried with backoff from the same cursor (nothing is skipped); a fatal one ends the channel
/// with the error.
/// </summary>
internal sealed class StreamProducer(IChainReader reader, BlockStreamOptions options, AdaptiveRange range,
    BlockStreamDiagnostics diagnostics, StreamState state, ChannelWriter<BlockStreamEvent> output)
{
    private readonly BlockAssembler _assembler = new(reader, options);
    private readonly Backoff _backoff = new(options);
    private PendingLogs? _nextLogs;

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                try
                {
                    if (!await StepAsync(ct).ConfigureAwait(false))
                    {
                        output.TryComplete();
                        return;
                    }
                    _backoff.Reset();
                }
                catch (Exception e) when (e is not OperationCanceledException && !RpcFailure.IsFatal(e))
                {
                    diagnostics.Retry(e);
                    await _backoff.WaitAsync(e, $"block stream at #{state.Next}", state.Next, ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            output.TryComplete();
        }
        catch (Exception e)
        {
            output.TryComplete(e is BlockStreamException or TriggerException
                ? e
                : new BlockStreamException($"block stream stopped at #{state.Next}: {e.Message}", state.Next, 1, e));
        }
        finally
        {
            if (_nextLogs is { } pending) Forget(pending.Logs);
        }
    }

    /// <summary>One step; false when every data source has ended.</summary>
    private async Task<bool> StepAsync(CancellationToken ct)
    {
        var filter = state.Filter;
        if (filter.FirstBlock is null) return false;
        var next = state.Next;
        if (filter.LastBlock is { } last && next > last) return false;
        var head = await reader.GetHeadNumberAsync(ct).ConfigureAwait(false);
        if (next > head)
        {
            if (!await RevertIfCursorLeftChainAsync(head, ct).ConfigureAwait(false)) await Task.Delay(options.PollInterval, ct).ConfigureAwait(false);
            return true;
        }
        var finalLimit = head - Math.Min(options.ReorgThreshold, head);
        var limit = filter.LastBlock is { } end ? Math.Min(end, head) : head;
        if (next <= finalLimit) await BackfillAsync(filter, next, Math.Min(finalLimit, limit), head, ct).ConfigureAwait(false);
        else await NearHeadAsync(filter, next, limit, head, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Scans one range of final blocks with eth_getLogs and emits it as one batch.</summary>
    private async Task BackfillAsync(TriggerFilter filter, long from, long limit, long head, CancellationToken ct)
    {
        var to = Math.Min(limit, from + range.Size - 1);
        Task<List<Log>> logsTask;
        if (_nextLogs is { } pending && pending.Filter == filter && pending.From == from && pending.To <= limit)
        {
            (to, logsTask) = (pending.To, pending.Logs);
        }
        else
        {
            if (_nextLogs is { } stale) Forget(stale.Logs);
            logsTask = _assembler.GetLogsAsync(filter, from, to, ct);
        }
        _nextLogs = null;
        List<Log> logs;
        try
        {
            logs = await logsTask.ConfigureAwait(false);
        }
        catch (Exception e) when (RpcFailure.IsRangeTooLarge(e) && range.Refused())
        {
            return; // the next step asks for the smaller range at once
        }
        diagnostics.Range(logs.Count);
        range.Succeeded(to - from + 1, logs.Count);
        if (to < limit)
        {
            // prefetch: the next range's logs arrive while this range's headers and transactions are read
            var nextTo = Math.Min(limit, to + range.Size);
            _nextLogs = new PendingLogs(filter, to + 1, nextTo, _assembler.GetLogsAsync(filter, to + 1, nextTo, ct));
        }
        var matched = BlockAssembler.Match(filter, logs, from, to);
        var numbers = matched.Select(m => m.Number).Append(to);
        if (state.Cursor is { } c) numbers = numbers.Prepend(c.Number);
        var headersTask = _assembler.GetHeadersAsync([.. numbers.Distinct().Order()], ct);
        var txTask = _assembler.GetTransactionsAsync(matched.SelectMany(m => m.Triggers), ct);
        await Task.WhenAll(headersTask, txTask).ConfigureAwait(false);
        var headers = await headersTask.ConfigureAwait(false);
        var (txs, receipts) = await txTask.ConfigureAwait(false);
        if (state.Cursor is { } cursor && headers[cursor.Number].Hash != cursor.Hash)
        {
            await RevertAsync(head, ct).ConfigureAwait(false); // the cursor's block left the chain although it is final
            return;
        }
        var blocks = new List<BlockWithTriggers>(matched.Count + 1);
        foreach (var (number, triggers) in matched) blocks.Add(_assembler.Build(headers[number], triggers, txs, receipts));
        if (blocks.Count == 0 || blocks[^1].Number != to) blocks.Add(new BlockWithTriggers(headers[to], []));
        await EmitAsync(new ProcessBlocks(blocks), ct).ConfigureAwait(false);
    }

    /// <summary>Reads the next blocks (up to the head) by following parent hashes and emits each as its own event.</summary>
    private async Task NearHeadAsync(TriggerFilter filter, long next, long limit, long head, CancellationToken ct)
    {
        var to = Math.Min(limit, next + Math.Min(options.HeadBatchBlocks, range.Size) - 1);
        var numbers = new List<long>();
        if (state.Cursor is { } c) numbers.Add(c.Number);
        for (var n = next; n <= to; n++) numbers.Add(n);
        var answered = await reader.GetBlocksAsync(numbers, ct).ConfigureAwait(false);
        var k = 0;
        if (state.Cursor is { } cursor)
        {
            k = 1;
            var ours = answered[0] ?? throw new ChainDataException($"the cursor's block #{cursor.Number} is missing although the head is #{head}");
            if (ours.Hash != cursor.Hash)
            {
                await RevertAsync(head, ct).ConfigureAwait(false);
                return;
            }
        }
        var headers = new List<Block>();
        var parent = state.Cursor?.Hash;
        for (var i = k; i < answered.Count; i++)
        {
            if (answered[i] is not { } h || h.Number != numbers[i] || (parent is { } p && h.ParentHash != p)) break;
            headers.Add(h);
            parent = h.Hash;
        }
        if (headers.Count == 0)
        {
            if (answered[k] is null) return; // the head moved back; the next step sees it
            throw new ChainDataException($"block #{next} has parent {answered[k]!.ParentHash}, not the cursor {state.Cursor}, whose block is canonical: the chain moved while we read");
        }
        var last = headers[^1].Number;
        List<Log> logs;
        try
        {
            logs = await _assembler.GetLogsAsync(filter, next, last, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (RpcFailure.IsRangeTooLarge(e) && range.Refused())
        {
            return;
        }
        diagnostics.HeadLogs(logs.Count);
        var byNumber = headers.ToDictionary(h => h.Number);
        foreach (var log in logs)
        {
            if (byNumber[log.BlockNumber].Hash != log.BlockHash)
                throw new ChainDataException($"a log of block #{log.BlockNumber} names hash {log.BlockHash}, the header read just before is {byNumber[log.BlockNumber].Hash}: the chain moved while we read");
        }
        var matched = BlockAssembler.Match(filter, logs, next, last).ToDictionary(m => m.Number, m => m.Triggers);
        var (txs, receipts) = await _assembler.GetTransactionsAsync(matched.Values.SelectMany(t => t), ct).ConfigureAwait(false);
        var built = headers.Select(h => _assembler.Build(h, matched.GetValueOrDefault(h.Number) ?? [], txs, receipts)).ToList();
        diagnostics.HeadBlock(built.Count);
        foreach (var block in built) await EmitAsync(new ProcessBlocks([block]), ct).ConfigureAwait(false);
    }

    /// <summary>When caught up: if the cursor's block (or the block at the head, if lower) is no longer ours, revert.</summary>
    private async Task<bool> RevertIfCursorLeftChainAsync(long head, CancellationToken ct)
    {
        if (state.Cursor is not { } cursor) return false;
        var number = Math.Min(head, cursor.Number);
        if (number < head - options.ReorgThreshold || !state.Chain.TryGet(number, out var ours)) return false;
        var answered = (await reader.GetBlocksAsync([number], ct).ConfigureAwait(false))[0]
            ?? throw new ChainDataException($"block #{number} is missing although the head is #{head}");
        if (answered.Hash == ours.Hash) return false;
        await RevertAsync(head, ct).ConfigureAwait(false);
        return true;
    }

    private async Task RevertAsync(long head, CancellationToken ct)
    {
        var ancestor = await new AncestorFinder(reader, options).FindAsync(state.Chain, head, ct).ConfigureAwait(false);
        diagnostics.Reverted();
        await EmitAsync(new Revert(ancestor), ct).ConfigureAwait(false);
    }

    private static void Forget(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private ValueTask EmitAsync(BlockStreamEvent e, CancellationToken ct)
    {
        state.Apply(e);
        return output.WriteAsync(e, ct);
    }
}
