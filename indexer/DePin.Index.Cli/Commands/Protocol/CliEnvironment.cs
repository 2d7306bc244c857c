namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>
/// What the protocol commands read from outside the command line: environment variables and standard input.
/// <see cref="Process"/> is the real process; tests pass their own so parallel tests never share variables.
/// </summary>
public sealed class CliEnvironment
{
    public const string Passphrase = "DEPIN_PASSPHRASE";
    public const string PrivateKey = "DEPIN_PRIVATE_KEY";
    public const string RpcUrl = "DEPIN_RPC_URL";

    public static CliEnvironment Process { get; } = new();

    /// <summary>Reads an environment variable (null when unset or empty).</summary>
    public Func<string, string?> Variable { get; init; } = name =>
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    };

    /// <summary>Standard input when it is redirected (a pipe or a file), else null (a terminal: prompt instead).</summary>
    public Func<TextReader?> RedirectedInput { get; init; } = () => Console.IsInputRedirected ? Console.In : null;

    /// <summary>The keystore folder; null = DEPIN_KEYSTORE_DIR or ~/.depin/keystore.</summary>
    public string? KeystoreDir { get; init; }

    /// <summary>A test environment: the given variables only, the given standard input.</summary>
    public static CliEnvironment With(IReadOnlyDictionary<string, string> variables, string? stdin = null, string? keystoreDir = null) => new()
    {
        Variable = name => variables.TryGetValue(name, out var v) && v.Length > 0 ? v : null,
        RedirectedInput = () => stdin is null ? null : new StringReader(stdin),
        KeystoreDir = keystoreDir,
    };

    internal Keystore.KeystoreDirectory Keystore() =>
        KeystoreDir is not null ? new Keystore.KeystoreDirectory(KeystoreDir)
        : Variable(DePin.Index.Keystore.KeystoreDirectory.EnvironmentVariable) is { } dir ? new Keystore.KeystoreDirectory(dir)
        : DePin.Index.Keystore.KeystoreDirectory.Default();
}
