using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Chain.Internal;

/// <summary>An eth_getLogs range requested ahead of time (used only if the stream still needs exactly it).</summary>
internal sealed record PendingLogs(TriggerFilter Filter, long From, long To, Task<List<Log>> Logs);
