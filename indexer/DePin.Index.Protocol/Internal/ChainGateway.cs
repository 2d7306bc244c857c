using System.Numerics;
using DePin.Index.Devnet.Chain;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Protocol.Internal;

/// <summary>
/// Calls and transactions for every protocol contract over one RPC client: a view is an eth_call; a transaction is
/// estimated first (a revert then surfaces as a <see cref="ProtocolRevertException"/> before anything is sent), sent
/// signed with <see cref="TransactionSender"/> and confirmed; its logs are decoded with the emitting contract's ABI.
/// Transactions are serialised by a lock (the sender keeps nonces and is not thread-safe).
/// </summary>
internal sealed class ChainGateway
{
    private readonly TransactionSender _sender;
    private readonly Dictionary<Address, (string Name, ContractAbi Abi)> _byAddress;
    private readonly IReadOnlyList<ContractAbi> _abis;
    private readonly SemaphoreSlim _txLock = new(1, 1);

    public ChainGateway(EthRpc rpc, TransactionSender sender, IReadOnlyDictionary<string, (Address Address, ContractAbi Abi)> contracts)
    {
        Rpc = rpc;
        _sender = sender;
        _byAddress = contracts.ToDictionary(c => c.Value.Address, c => (c.Key, c.Value.Abi));
        _abis = [.. contracts.Values.Select(c => c.Abi)];
    }

    public EthRpc Rpc { get; }

    public ulong ChainId => _sender.ChainId;

    public async Task<object[]> CallAsync(Address to, ContractAbi abi, string function, object?[] args, CancellationToken ct, Address? from = null)
    {
        var fn = abi.GetFunction(function);
        byte[] output;
        try
        {
            output = await Rpc.CallAsync(new CallRequest { From = from, To = to, Data = fn.EncodeCall(args) }, BlockParameter.Latest, ct).ConfigureAwait(false);
        }
        catch (JsonRpcException e) when (e.DataBytes is { Length: > 0 } revert)
        {
            throw Translate(to, revert, e);
        }
        if (output.Length == 0)
            throw new ProtocolException($"{Describe(to)}.{fn.Name} returned nothing: is the protocol deployed at {to} on this chain?");
        return fn.DecodeOutput(output);
    }

    public async Task<ProtocolReceipt> SendAsync(EthKey from, Address to, ContractAbi abi, string function, object?[] args, CancellationToken ct)
    {
        var fn = abi.GetFunction(function);
        var data = fn.EncodeCall(args);
        var label = $"{Describe(to)}.{fn.Name}";
        await _txLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            long gas;
            try
            {
                gas = await Rpc.EstimateGasAsync(new CallRequest { From = from.Address, To = to, Data = data }, ct).ConfigureAwait(false);
            }
            catch (JsonRpcException e) when (e.DataBytes is { Length: > 0 } revert)
            {
                throw Translate(to, revert, e);
            }
            catch (JsonRpcException e) when (e.RpcMessage.Contains("revert", StringComparison.OrdinalIgnoreCase))
            {
                throw new ProtocolException($"{label} would revert: {e.RpcMessage}", e);
            }
            await _sender.SendAsync(from, to, data, (ulong)(gas + gas / 4 + 20_000), label, BigInteger.Zero, null, ct).ConfigureAwait(false);
            try
            {
                var (_, receipt) = (await _sender.ConfirmAsync(ct).ConfigureAwait(false))[0];
                return new ProtocolReceipt(receipt, DecodeLogs(receipt.Logs));
            }
            catch (TransactionFailedException e)
            {
                // The state changed between the estimate and the block (another sender): decode the error by replaying now.
                try
                {
                    await Rpc.CallAsync(new CallRequest { From = from.Address, To = to, Data = data }, BlockParameter.Latest, ct).ConfigureAwait(false);
                }
                catch (JsonRpcException replay) when (replay.DataBytes is { Length: > 0 } revert)
                {
                    throw Translate(to, revert, e);
                }
                throw new ProtocolException($"{label} failed: {e.Reason}", e);
            }
        }
        finally
        {
            _txLock.Release();
        }
    }

    /// <summary>Decodes the logs of protocol contracts (others are skipped).</summary>
    public IReadOnlyList<ProtocolEvent> DecodeLogs(IEnumerable<Log> logs)
    {
        var events = new List<ProtocolEvent>();
        foreach (var log in logs)
        {
            if (!_byAddress.TryGetValue(log.Address, out var c) || log.Topics.Length == 0) continue;
            if (!c.Abi.TryGetEvent(log.Topics[0], out _)) continue;
            events.Add(new ProtocolEvent(c.Name, log.Address, c.Abi.DecodeLog(log.Topics, log.Data), log));
        }
        return events;
    }

    private ProtocolRevertException Translate(Address contract, byte[] revert, Exception inner)
    {
        var preferred = _byAddress.TryGetValue(contract, out var c) ? c.Abi : null;
        DecodedRevert? decoded = null;
        foreach (var abi in preferred is null ? _abis : [preferred, .. _abis])
        {
            try
            {
                var d = abi.DecodeRevert(revert);
                if (d.Kind == RevertKind.Unknown) continue;
                decoded = d;
                break;
            }
            catch (AbiException)
            {
                // a selector clash with different arguments: try the next ABI
            }
        }
        decoded ??= RevertDecoder.Decode(revert, null);
        return ProtocolRevertException.From(Describe(contract), decoded, inner);
    }

    private string Describe(Address address) => _byAddress.TryGetValue(address, out var c) ? c.Name : address.ToString();
}
