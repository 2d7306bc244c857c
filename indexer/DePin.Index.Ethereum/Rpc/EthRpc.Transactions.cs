using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc.Internal;

namespace DePin.Index.Ethereum.Rpc;

public sealed partial class EthRpc
{
    /// <summary>eth_sendRawTransaction: submits a signed transaction and returns its hash.</summary>
    public Task<Hash32> SendRawTransactionAsync(ReadOnlyMemory<byte> signedTransaction, CancellationToken cancellationToken = default)
    {
        if (signedTransaction.IsEmpty) throw new ArgumentException("the signed transaction is empty", nameof(signedTransaction));
        return Client.CallAsync("eth_sendRawTransaction", [signedTransaction], Hash, cancellationToken);
    }

    /// <summary>
    /// eth_sendTransaction: the node signs with one of its own unlocked accounts (dev nodes such as anvil only).
    /// </summary>
    public Task<Hash32> SendTransactionAsync(CallRequest transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (transaction.From is null) throw new ArgumentException("eth_sendTransaction needs From (an account the node holds)", nameof(transaction));
        return Client.CallAsync("eth_sendTransaction", [transaction], Hash, cancellationToken);
    }

    /// <summary>eth_getTransactionByHash; null when the node does not know the transaction.</summary>
    public Task<RpcTransaction?> GetTransactionByHashAsync(Hash32 hash, CancellationToken cancellationToken = default) =>
        Client.CallAsync("eth_getTransactionByHash", [hash], TransactionParser.Parser, cancellationToken);

    /// <summary>eth_getTransactionReceipt; null while the transaction is not mined (or unknown).</summary>
    public Task<TransactionReceipt?> GetTransactionReceiptAsync(Hash32 hash, CancellationToken cancellationToken = default) =>
        Client.CallAsync("eth_getTransactionReceipt", [hash], TransactionParser.ReceiptParser, cancellationToken);

    /// <summary>
    /// Polls eth_getTransactionReceipt every <paramref name="pollInterval"/> (default 100 ms) until the transaction
    /// is mined. Raises <see cref="TimeoutException"/> naming the transaction when <paramref name="timeout"/> passes
    /// first. A reverted transaction is returned (check <see cref="TransactionReceipt.Succeeded"/>), not thrown.
    /// </summary>
    public async Task<TransactionReceipt> WaitForReceiptAsync(Hash32 hash, TimeSpan timeout, TimeSpan? pollInterval = null,
        CancellationToken cancellationToken = default)
    {
        if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "the timeout must be positive");
        var interval = pollInterval ?? TimeSpan.FromMilliseconds(100);
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(pollInterval), interval, "the poll interval must be positive");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var receipt = await GetTransactionReceiptAsync(hash, cancellationToken).ConfigureAwait(false);
            if (receipt is not null) return receipt;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"transaction {hash} has no receipt after {timeout.TotalSeconds:0.###} s (not mined: automine off, underpriced or dropped?)");
            await Task.Delay(left < interval ? left : interval, cancellationToken).ConfigureAwait(false);
        }
    }
}
