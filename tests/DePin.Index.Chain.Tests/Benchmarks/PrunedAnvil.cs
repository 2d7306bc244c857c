using System.Diagnostics;
using System.Globalization;
using DePin.Index.Devnet;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Chain.Tests.Benchmarks;

/// <summary>
/// An anvil child process for the large simulated chains, started with <c>--prune-history</c>. Without it anvil
/// persists every historical state under ~/.foundry/anvil/tmp once its in-memory window is full and leaves the files
/// behind: a 10,000-device simulation wrote 34 GB and filled the disk. AnvilSettings has no way to pass the flag, so
/// this helper starts the binary itself (with AnvilServer's flags otherwise) and kills its own process on dispose.
/// </summary>
internal sealed class PrunedAnvil : IAsyncDisposable
{
    private readonly Process _process;

    private PrunedAnvil(Process process, Uri rpcUrl)
    {
        _process = process;
        RpcUrl = rpcUrl;
    }

    public Uri RpcUrl { get; }

    public static async Task<PrunedAnvil> StartAsync(string binary, string cacheDirectory, CancellationToken ct)
    {
        var port = FreePort.Pick();
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--chain-id", AnvilSettings.DefaultChainId.ToString(CultureInfo.InvariantCulture),
                     "--gas-limit", AnvilSettings.DefaultBlockGasLimit.ToString(CultureInfo.InvariantCulture), "--silent", "--prune-history", "--cache-path", cacheDirectory,
                     // as AnvilServer: arrival order for hand-mined blocks, a base fee that stays 0 under full blocks
                     "--order", "fifo", "--block-base-fee-per-gas", "0",
                 })
        {
            info.ArgumentList.Add(a);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {binary}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var anvil = new PrunedAnvil(process, new Uri($"http://127.0.0.1:{port}"));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (await AnvilServer.ChainIdAsync(anvil.RpcUrl, ct) is null)
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await anvil.DisposeAsync();
                throw new InvalidOperationException($"anvil on port {port} did not start (exit code {(process.HasExited ? process.ExitCode : "none")})");
            }
            await Task.Delay(25, ct);
        }
        return anvil;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
