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
    private PendingRange? _next;

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
            _next?.Forget();
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

    /// <summary>
    /// Scans one range of final blocks with eth_getLogs and emits it as one batch. As soon as the range's logs are in,
    /// the next range is started: its logs, then its headers and transactions, are read while this range's headers and
    /// transactions still arrive and while the consumer works, so two ranges are in flight.
    /// </summary>
    private async Task BackfillAsync(TriggerFilter filter, long from, long limit, long head, CancellationToken ct)
    {
        var cursorNumber = state.Cursor?.Number;
        PendingRange current;
        if (_next is { } pending && pending.Filter == filter && pending.From == from && pending.To <= limit && pending.CursorNumber == cursorNumber)
        {
            current = pending;
        }
        else
        {
            _next?.Forget();
            current = StartRange(filter, from, Math.Min(limit, from + range.Size - 1), cursorNumber, ct);
        }
        _next = null;
        var to = current.To;
        List<Log> logs;
        try
        {
            logs = await current.Logs.ConfigureAwait(false);
        }
        catch (Exception e) when (RpcFailure.IsRangeTooLarge(e) && range.Refused())
        {
            current.Forget();
            return; // the next step asks for the smaller range at once
        }
        catch
        {
            current.Forget();
            throw;
        }
        diagnostics.Range(logs.Count);
        range.Succeeded(to - from + 1, logs.Count);
        if (to < limit) _next = StartRange(filter, to + 1, Math.Min(limit, to + range.Size), to, ct);
        var scanned = await current.Scanned.ConfigureAwait(false);
        if (state.Cursor is { } cursor && scanned.Headers[cursor.Number].Hash != cursor.Hash)
        {
            await RevertAsync(head, ct).ConfigureAwait(false); // the cursor's block left the chain although it is final
            return;
        }
        var blocks = new List<BlockWithTriggers>(scanned.Matched.Count + 1);
        foreach (var (number, triggers) in scanned.Matched) blocks.Add(_assembler.Build(scanned.Headers[number], triggers, scanned.Transactions, scanned.Receipts));
        if (blocks.Count == 0 || blocks[^1].Number != to) blocks.Add(new BlockWithTriggers(scanned.Headers[to], []));
        await EmitAsync(new ProcessBlocks(blocks), ct).ConfigureAwait(false);
    }

    private PendingRange StartRange(TriggerFilter filter, long from, long to, long? cursorNumber, CancellationToken ct)
    {
        var logs = _assembler.GetLogsAsync(filter, from, to, ct);
        return new PendingRange(filter, from, to, cursorNumber, logs, ScanAsync(filter, from, to, cursorNumber, logs, ct));
    }

    /// <summary>Once the logs are in: the triggers, and the headers and transactions they need (and the cursor's header).</summary>
    private async Task<ScannedRange> ScanAsync(TriggerFilter filter, long from, long to, long? cursorNumber, Task<List<Log>> logsTask, CancellationToken ct)
    {
        var logs = await logsTask.ConfigureAwait(false);
        var matched = BlockAssembler.Match(filter, logs, from, to);
        var numbers = matched.Select(m => m.Number).Append(to);
        if (cursorNumber is { } c) numbers = numbers.Prepend(c);
        var headersTask = _assembler.GetHeadersAsync([.. numbers.Distinct().Order()], ct);
        var txTask = _assembler.GetTransactionsAsync(matched.SelectMany(m => m.Triggers), ct);
        await Task.WhenAll(headersTask, txTask).ConfigureAwait(false);
        var (txs, receipts) = await txTask.ConfigureAwait(false);
        return new ScannedRange(matched, await headersTask.ConfigureAwait(false), txs, receipts);
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

    private ValueTask EmitAsync(BlockStreamEvent e, CancellationToken ct)
    {
        state.Apply(e);
        return output.WriteAsync(e, ct);
    }
}
