namespace DePin.Index.Chain.Internal;

/// <summary>Reads one known block's triggers for a filter (new dynamic data sources), with the stream's retries.</summary>
internal sealed class SingleBlockScanner(IChainReader reader, BlockStreamOptions options, BlockStreamDiagnostics diagnostics)
{
    private readonly BlockAssembler _assembler = new(reader, options);

    public async Task<BlockWithTriggers> ScanAsync(TriggerFilter filter, BlockPtr at, CancellationToken ct)
    {
        var backoff = new Backoff(options);
        while (true)
        {
            try
            {
                var header = (await _assembler.GetHeadersAsync([at.Number], ct).ConfigureAwait(false))[at.Number];
                if (header.Hash != at.Hash)
                {
                    throw new BlockStreamException($"block {at} is no longer canonical (now {header.Hash}): a reorg is under way; restart from the committed cursor",
                        at.Number, 1, null);
                }
                var logs = await _assembler.GetLogsAsync(filter, at.Number, at.Number, ct).ConfigureAwait(false);
                var triggers = BlockAssembler.Match(filter, logs, at.Number, at.Number).SelectMany(m => m.Triggers).ToList();
                var (txs, receipts) = await _assembler.GetTransactionsAsync(triggers, ct).ConfigureAwait(false);
                return _assembler.Build(header, triggers, txs, receipts);
            }
            catch (Exception e) when (e is not OperationCanceledException && !RpcFailure.IsFatal(e))
            {
                diagnostics.Retry(e);
                await backoff.WaitAsync(e, $"new data sources at block {at}", at.Number, ct).ConfigureAwait(false);
            }
        }
    }
}
