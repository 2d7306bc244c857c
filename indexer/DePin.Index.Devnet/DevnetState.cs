using System.Text.Json;
using System.Text.Json.Serialization;

namespace DePin.Index.Devnet;

/// <summary>
/// The devnet's record, .devnet/state.json: the three servers (null when not started or stopped), the chain id and
/// the deployed contracts. The deployer fills <see cref="Contracts"/>, <see cref="Deployer"/> and
/// <see cref="DeployedAtBlock"/> and calls <see cref="Save"/>; `up` clears them when the chain no longer has their code.
/// </summary>
public sealed class DevnetState
{
    public const string FileName = "state.json";

    /// <summary>The network name the devnet's chain goes by in manifests (<c>network: devnet</c>, as subgraphs/depin's) and in <c>--ethereum-rpc devnet:URL</c>.</summary>
    public const string NetworkName = "devnet";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Format version of this file.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The devnet folder (absolute).</summary>
    public string Dir { get; set; } = "";

    public long ChainId { get; set; } = AnvilSettings.DefaultChainId;

    public ServiceRecord? Postgres { get; set; }

    public ServiceRecord? Redis { get; set; }

    public ServiceRecord? Anvil { get; set; }

    /// <summary>The index node `depin up` started (its PID, HTTP port and log), or null.</summary>
    public ServiceRecord? Node { get; set; }

    /// <summary>The ports of <see cref="Node"/>, or null.</summary>
    public NodeEndpoints? NodeEndpoints { get; set; }

    /// <summary>Deployed contracts: name (e.g. "DeviceRegistry") → address and deployment block.</summary>
    public Dictionary<string, DeployedContract> Contracts { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The account that deployed <see cref="Contracts"/> (0x-address), if deployed.</summary>
    public string? Deployer { get; set; }

    /// <summary>The block of the first deployment transaction: where indexing of the contracts starts.</summary>
    public long? DeployedAtBlock { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>postgresql://postgres@127.0.0.1:PORT/depin, or null when PostgreSQL is not recorded.</summary>
    [JsonIgnore]
    public string? PostgresUrl => Postgres?.Url;

    /// <summary>The Npgsql form of <see cref="PostgresUrl"/>: Host=127.0.0.1;Port=…;Username=postgres;Database=depin.</summary>
    [JsonIgnore]
    public string? PostgresConnectionString =>
        Postgres is null ? null : PostgresServer.ConnectionString(Postgres.Port, PostgresSettings.DefaultDatabase);

    /// <summary>127.0.0.1:PORT (StackExchange.Redis form), or null.</summary>
    [JsonIgnore]
    public string? RedisEndpoint => Redis is null ? null : $"127.0.0.1:{Redis.Port}";

    /// <summary>http://127.0.0.1:PORT, anvil's JSON-RPC, or null.</summary>
    [JsonIgnore]
    public string? RpcUrl => Anvil?.Url;

    /// <summary>Forgets the deployment (when the chain was reset).</summary>
    public void ClearContracts()
    {
        Contracts.Clear();
        Deployer = null;
        DeployedAtBlock = null;
    }

    public static string PathIn(string devnetDir) => System.IO.Path.Combine(devnetDir, FileName);

    /// <summary>Reads state.json from <paramref name="devnetDir"/>; null when there is none.</summary>
    public static DevnetState? Load(string devnetDir)
    {
        var path = PathIn(devnetDir);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<DevnetState>(File.ReadAllText(path), Json)
                ?? throw new DevnetException($"{path} is empty");
        }
        catch (JsonException ex)
        {
            throw new DevnetException($"{path} is not a valid devnet state ({ex.Message}); remove it or use --fresh", ex);
        }
    }

    /// <summary>Writes state.json into <paramref name="devnetDir"/> atomically (temporary file + rename).</summary>
    public void Save(string devnetDir)
    {
        UpdatedAt = DateTimeOffset.UtcNow;
        var path = PathIn(devnetDir);
        var temp = path + ".tmp";
        File.WriteAllText(temp, ToJson());
        File.Move(temp, path, overwrite: true);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    public static DevnetState FromJson(string json) =>
        JsonSerializer.Deserialize<DevnetState>(json, Json) ?? throw new DevnetException("empty devnet state");
}
