using System.Numerics;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Ethereum.Transactions;

namespace DePin.Index.Devnet.Chain;

/// <summary>
/// Signs EIP-1559 transactions with our own keys (no unlocked accounts) and sends them, keeping each sender's
/// nonce locally so a run of transactions needs one round trip each. <see cref="ConfirmAsync"/> fetches the
/// receipts of everything sent since the last confirmation in JSON-RPC batches and turns a revert into a
/// <see cref="TransactionFailedException"/> whose reason is decoded with the given ABIs (replayed with eth_call).
/// Not thread-safe: one sender per sequence of transactions.
/// </summary>
public sealed class TransactionSender
{
    private readonly EthRpc _rpc;
    private readonly Dictionary<Address, ulong> _nonces = [];
    private readonly List<SentTransaction> _pending = [];
    private readonly IReadOnlyList<ContractAbi> _abis;
    private BigInteger _maxFee;
    private long _windowStart = -1;
    private int _sinceFeeRefresh;

    private TransactionSender(EthRpc rpc, ulong chainId, BigInteger maxFee, IReadOnlyList<ContractAbi> abis)
    {
        _rpc = rpc;
        ChainId = chainId;
        _maxFee = maxFee;
        _abis = abis;
    }

    public ulong ChainId { get; }

    /// <summary>How long a confirmation waits for a transaction to be mined (default 2 minutes).</summary>
    public TimeSpan ReceiptTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Priority fee offered (anvil accepts 0; a public chain wants more).</summary>
    public BigInteger PriorityFee { get; init; } = BigInteger.Pow(10, 9);

    public static async Task<TransactionSender> CreateAsync(EthRpc rpc, IReadOnlyList<ContractAbi>? abis = null, CancellationToken ct = default)
    {
        var chainId = (ulong)await rpc.ChainIdAsync(ct).ConfigureAwait(false);
        var sender = new TransactionSender(rpc, chainId, 0, abis ?? []);
        await sender.RefreshFeeAsync(ct).ConfigureAwait(false);
        return sender;
    }

    public int PendingCount => _pending.Count;

    /// <summary>The sum of the gas limits of the transactions sent and not yet confirmed.</summary>
    public ulong PendingGas { get; private set; }

    /// <summary>The last transaction sent and not yet confirmed, or null.</summary>
    public SentTransaction? LastPending => _pending.Count > 0 ? _pending[^1] : null;

    /// <summary>Signs and sends; returns once the node has accepted it (anvil's automine has then mined it).</summary>
    public async Task<SentTransaction> SendAsync(EthKey from, Address? to, byte[] data, ulong gasLimit, string label,
        BigInteger value = default, object? tag = null, CancellationToken ct = default)
    {
        if (!_nonces.TryGetValue(from.Address, out var nonce))
        {
            nonce = (ulong)await _rpc.GetTransactionCountAsync(from.Address, BlockParameter.Pending, ct).ConfigureAwait(false);
        }
        if (++_sinceFeeRefresh >= 500) await RefreshFeeAsync(ct).ConfigureAwait(false);
        if (_pending.Count == 0) _windowStart = await _rpc.BlockNumberAsync(ct).ConfigureAwait(false) + 1;
        var tx = new Eip1559Transaction
        {
            ChainId = ChainId,
            Nonce = nonce,
            MaxPriorityFeePerGas = PriorityFee,
            MaxFeePerGas = _maxFee,
            GasLimit = gasLimit,
            To = to,
            Value = value,
            Data = data,
        };
        var signed = tx.Sign(from);
        var hash = await _rpc.SendRawTransactionAsync(signed.Raw, ct).ConfigureAwait(false);
        if (hash != signed.Hash) throw new InvalidOperationException($"{label}: node returned hash {hash}, we computed {signed.Hash}");
        _nonces[from.Address] = nonce + 1;
        var sent = new SentTransaction(hash, from.Address, to, data, label, tag);
        _pending.Add(sent);
        PendingGas += gasLimit;
        return sent;
    }

    /// <summary>Waits for the receipts of every pending transaction (in batches) and checks each succeeded.</summary>
    public async Task<IReadOnlyList<(SentTransaction Sent, TransactionReceipt Receipt)>> ConfirmAsync(CancellationToken ct = default)
    {
        var results = new List<(SentTransaction, TransactionReceipt)>(_pending.Count);
        foreach (var chunk in _pending.Chunk(32))
        {
            var receipts = await Task.WhenAll(chunk.Select(s => _rpc.GetTransactionReceiptAsync(s.Hash, ct))).ConfigureAwait(false);
            for (var i = 0; i < chunk.Length; i++)
            {
                var receipt = receipts[i] ?? await _rpc.WaitForReceiptAsync(chunk[i].Hash, TimeSpan.FromSeconds(60), null, ct).ConfigureAwait(false);
                if (!receipt.Succeeded)
                {
                    _pending.Clear();
                    _nonces.Clear();
                    throw new TransactionFailedException(chunk[i].Label, chunk[i].Hash, await ExplainAsync(chunk[i], receipt, ct).ConfigureAwait(false));
                }
                results.Add((chunk[i], receipt));
            }
        }
        _pending.Clear();
        PendingGas = 0;
        return results;
    }

    /// <summary>
    /// Confirms every pending transaction by its logs: one eth_getLogs over the blocks mined since the first of
    /// them was sent, instead of a receipt each (anvil answers eth_getTransactionReceipt slowly on a long chain).
    /// A transaction for which <paramref name="expectsLogs"/> holds but that logged nothing, or one that expects
    /// none, is looked up by its receipt: a revert becomes a <see cref="TransactionFailedException"/> with its reason.
    /// Returns each transaction with its logs (in log order).
    /// </summary>
    public async Task<IReadOnlyList<(SentTransaction Sent, IReadOnlyList<Log> Logs)>> ConfirmByLogsAsync(
        Func<SentTransaction, bool> expectsLogs, CancellationToken ct = default)
    {
        if (_pending.Count == 0) return [];
        // The node may still be mining what we sent: wait for the last one (anvil mines in arrival order).
        var last = await _rpc.WaitForReceiptAsync(_pending[^1].Hash, ReceiptTimeout, TimeSpan.FromMilliseconds(10), ct).ConfigureAwait(false);
        var head = Math.Max(last.BlockNumber, await _rpc.BlockNumberAsync(ct).ConfigureAwait(false));
        var byTx = new Dictionary<Hash32, List<Log>>();
        foreach (var log in await _rpc.GetLogsAsync(LogFilter.Range(_windowStart, Math.Max(_windowStart, head)), ct).ConfigureAwait(false))
        {
            if (!byTx.TryGetValue(log.TransactionHash, out var list)) byTx[log.TransactionHash] = list = [];
            list.Add(log);
        }
        var results = new List<(SentTransaction, IReadOnlyList<Log>)>(_pending.Count);
        foreach (var sent in _pending)
        {
            if (byTx.TryGetValue(sent.Hash, out var logs) && expectsLogs(sent))
            {
                results.Add((sent, logs));
                continue;
            }
            var receipt = await _rpc.GetTransactionReceiptAsync(sent.Hash, ct).ConfigureAwait(false)
                ?? await _rpc.WaitForReceiptAsync(sent.Hash, ReceiptTimeout, TimeSpan.FromMilliseconds(20), ct).ConfigureAwait(false);
            if (!receipt.Succeeded)
            {
                _pending.Clear();
                PendingGas = 0;
                _nonces.Clear();
                throw new TransactionFailedException(sent.Label, sent.Hash, await ExplainAsync(sent, receipt, ct).ConfigureAwait(false));
            }
            results.Add((sent, receipt.Logs));
        }
        _pending.Clear();
        PendingGas = 0;
        return results;
    }

    /// <summary>Deploys a contract and waits for it; returns its address and block.</summary>
    public async Task<(Address Address, long Block)> DeployAsync(EthKey from, byte[] creationCode, string label, CancellationToken ct = default)
    {
        if (_pending.Count > 0) await ConfirmAsync(ct).ConfigureAwait(false);
        var gas = await _rpc.EstimateGasAsync(new CallRequest { From = from.Address, Data = creationCode }, ct).ConfigureAwait(false);
        await SendAsync(from, null, creationCode, (ulong)(gas * 6 / 5 + 50_000), label, ct: ct).ConfigureAwait(false);
        var (_, receipt) = (await ConfirmAsync(ct).ConfigureAwait(false))[0];
        var address = receipt.ContractAddress ?? throw new TransactionFailedException(label, receipt.TransactionHash, "no contract address in the receipt");
        return (address, receipt.BlockNumber);
    }

    /// <summary>eth_call; a revert becomes a TransactionFailedException with the decoded reason.</summary>
    public async Task<byte[]> CallAsync(Address to, byte[] data, string label, CancellationToken ct = default)
    {
        try
        {
            return await _rpc.CallAsync(new CallRequest { To = to, Data = data }, BlockParameter.Latest, ct).ConfigureAwait(false);
        }
        catch (JsonRpcException e) when (e.DataBytes is { } revert)
        {
            throw new TransactionFailedException(label, Hash32.Zero, DecodeRevert(revert));
        }
    }

    private async Task RefreshFeeAsync(CancellationToken ct)
    {
        var latest = await _rpc.GetBlockByNumberAsync(BlockParameter.Latest, ct).ConfigureAwait(false);
        var baseFee = latest?.BaseFeePerGas ?? BigInteger.Pow(10, 9);
        _maxFee = BigInteger.Max(baseFee * 10, 50 * BigInteger.Pow(10, 9)) + PriorityFee; // room for many full blocks of base-fee growth; the chain charges the base fee, not this cap
        _sinceFeeRefresh = 0;
    }

    /// <summary>Replays a reverted transaction with eth_call at its block's parent state to read the revert data.</summary>
    private async Task<string> ExplainAsync(SentTransaction sent, TransactionReceipt receipt, CancellationToken ct)
    {
        try
        {
            await _rpc.CallAsync(new CallRequest { From = sent.From, To = sent.To, Data = sent.Data },
                BlockParameter.FromNumber(Math.Max(0, receipt.BlockNumber - 1)), ct).ConfigureAwait(false);
            return $"reverted in block {receipt.BlockNumber} (gas used {receipt.GasUsed}); the replay did not revert";
        }
        catch (JsonRpcException e)
        {
            return e.DataBytes is { } revert ? DecodeRevert(revert) : e.RpcMessage;
        }
    }

    private string DecodeRevert(byte[] revert)
    {
        foreach (var abi in _abis)
        {
            try
            {
                var decoded = abi.DecodeRevert(revert);
                if (decoded.Kind != RevertKind.Unknown) return decoded.ToString();
            }
            catch (AbiException)
            {
                // not this contract's error; try the next ABI
            }
        }
        return RevertDecoder.Decode(revert, null).ToString();
    }
}
