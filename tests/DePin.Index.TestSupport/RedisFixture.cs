using DePin.Index.Devnet;

namespace DePin.Index.TestSupport;

/// <summary>
/// A real Redis: the server of <c>DEPIN_TEST_REDIS</c> (host:port; ./test.sh sets it) when present, else a
/// redis-server started here on a free port. Tests that share a server isolate themselves with <see cref="NewPrefix"/>.
/// </summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public const string EndpointVariable = "DEPIN_TEST_REDIS";

    private RedisServer? _server;
    private string? _dir;

    /// <summary>host:port of the server.</summary>
    public string Endpoint { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var endpoint = Environment.GetEnvironmentVariable(EndpointVariable);
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            Endpoint = endpoint.Replace("redis://", "", StringComparison.Ordinal).TrimEnd('/');
            return;
        }

        _dir = Directory.CreateTempSubdirectory("depin-tests-redis-").FullName;
        var tools = await Prerequisites.LocateAsync(RepoPaths.Find());
        _server = await RedisServer.StartAsync(new RedisSettings
        {
            ServerPath = tools.RedisServer,
            Port = FreePort.Pick(),
            LogPath = Path.Combine(_dir, "redis.log"),
        });
        Endpoint = _server.Endpoint;
    }

    /// <summary>A key/channel prefix no other test uses.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12] + ":";

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_dir is not null)
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
