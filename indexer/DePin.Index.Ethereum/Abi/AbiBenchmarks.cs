using System.Diagnostics;
using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Abi;

/// <summary>
/// Plain, dependency-free throughput measurements of the ABI codec, for <c>depin bench</c>. Single-threaded:
/// builds a pool of realistic DePIN logs, warms up for 0.5 s (so tiered JIT has promoted the hot path), then times decoding with a <see cref="Stopwatch"/>.
/// </summary>
public static class AbiBenchmarks
{
    /// <summary>The ProofSubmitted event of the DePIN contracts (4 topics, 96 bytes of data).</summary>
    public const string ProofSubmitted =
        "event ProofSubmitted(uint256 indexed deviceId, address indexed owner, uint64 indexed epoch, uint8 kind, uint256 workUnits, bytes32 dataHash)";

    /// <summary>The DeviceRegistered event of the DePIN contracts (4 topics, a string in the data).</summary>
    public const string DeviceRegistered =
        "event DeviceRegistered(uint256 indexed deviceId, address indexed owner, address indexed deviceKey, uint8 kind, int32 latitudeE6, int32 longitudeE6, string metadataURI)";

    private const int PoolSize = 4096;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Logs decoded per second through a <see cref="LogDecoder"/> (topic0 dispatch + full decode), on a stream of
    /// 3 ProofSubmitted : 1 DeviceRegistered.
    /// </summary>
    public static double DecodeLogsPerSecond(int logs) => DecodeLogsPerSecond(logs, 0.25);

    /// <summary>
    /// As <see cref="DecodeLogsPerSecond(int)"/> with the given share of DeviceRegistered logs (0 = only
    /// ProofSubmitted, 1 = only DeviceRegistered).
    /// </summary>
    public static double DecodeLogsPerSecond(int logs, double deviceRegisteredShare)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(logs, 1);
        if (double.IsNaN(deviceRegisteredShare) || deviceRegisteredShare is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(deviceRegisteredShare), deviceRegisteredShare, "a share between 0 and 1");
        var proof = EventAbi.Parse(ProofSubmitted);
        var registered = EventAbi.Parse(DeviceRegistered);
        var decoder = new LogDecoder([proof, registered]);
        var pool = BuildPool(proof, registered, deviceRegisteredShare);

        // Warm up long enough for tiered JIT to promote the hot path (tier-1 compiles run in the background).
        long sink = 0;
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < WarmUpTime) sink += Run(decoder, pool, 20_000);
        var watch = Stopwatch.StartNew();
        sink += Run(decoder, pool, logs);
        watch.Stop();
        if (sink < logs) throw new InvalidOperationException("benchmark decoded fewer values than logs");
        return logs / watch.Elapsed.TotalSeconds;
    }

    private static long Run(LogDecoder decoder, (Hash32[] Topics, byte[] Data)[] pool, int logs)
    {
        long values = 0;
        for (var i = 0; i < logs; i++)
        {
            var (topics, data) = pool[i & (PoolSize - 1)];
            values += decoder.Decode(topics, data).Count;
        }
        return values;
    }

    private static (Hash32[] Topics, byte[] Data)[] BuildPool(EventAbi proof, EventAbi registered, double registeredShare)
    {
        var random = new Random(20261124);
        var pool = new (Hash32[], byte[])[PoolSize];
        var owners = new Address[64];
        for (var i = 0; i < owners.Length; i++) owners[i] = RandomAddress(random);
        for (var i = 0; i < PoolSize; i++)
        {
            var deviceId = new BigInteger(random.Next(1, 2_000_000));
            var owner = owners[random.Next(owners.Length)];
            var kind = new BigInteger(random.Next(6));
            pool[i] = random.NextDouble() < registeredShare
                ? registered.EncodeLog(deviceId, owner, RandomAddress(random), kind,
                    new BigInteger(random.Next(-90_000_000, 90_000_001)), new BigInteger(random.Next(-180_000_000, 180_000_001)),
                    $"ipfs://bafybeig{random.NextInt64():x16}{random.NextInt64():x16}/device.json")
                : proof.EncodeLog(deviceId, owner, new BigInteger(random.Next(1, 10_000)), kind,
                    new BigInteger(random.NextInt64(1, long.MaxValue)) * 1_000_000_000, RandomBytes(random, 32));
        }
        return pool;
    }

    private static Address RandomAddress(Random random) => new(RandomBytes(random, 20));

    private static byte[] RandomBytes(Random random, int length)
    {
        var b = new byte[length];
        random.NextBytes(b);
        return b;
    }
}
