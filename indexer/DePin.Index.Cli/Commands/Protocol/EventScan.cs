using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>Event lookups for what the contracts can't enumerate (an indexer's allocations, a delegator's indexers).</summary>
internal static class EventScan
{
    public static readonly Hash32 StakeDelegated = Hash32.Of("StakeDelegated(address,address,uint256,uint256,uint256)");

    /// <summary>Logs of <paramref name="contract"/> with topic0 and the given indexed topics (null = any), from the protocol's deployment on.</summary>
    public static Task<IReadOnlyList<Log>> LogsAsync(ProtocolSession s, Address contract, Hash32 topic0, Hash32? topic1, Hash32? topic2, CancellationToken ct) =>
        s.Client.Rpc.GetLogsAsync(new LogFilter
        {
            FromBlock = BlockParameter.FromNumber(s.DeployedAtBlock),
            ToBlock = BlockParameter.Latest,
            Addresses = [contract],
            Topics = [[topic0], topic1 is { } t1 ? [t1] : null, topic2 is { } t2 ? [t2] : null],
        }, ct);

    public static Hash32 Topic(Address address)
    {
        Span<byte> word = stackalloc byte[32];
        address.CopyTo(word[12..]);
        return new Hash32(word);
    }
}
