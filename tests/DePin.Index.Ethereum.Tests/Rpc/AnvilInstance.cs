using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Tests.Rpc;

/// <summary>
/// A throwaway anvil on a free loopback port. The binary comes from DEPIN_ANVIL_BIN or the pinned npm package in
/// deploy/node_modules (run <c>cd deploy &amp;&amp; npm ci</c>). Killed on dispose.
/// </summary>
public sealed class AnvilInstance : IDisposable
{
    private const string PackagePath = "deploy/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil";
    private readonly Process _process;
    private readonly StringBuilder _stderr;

    private AnvilInstance(Process process, int port, StringBuilder stderr)
    {
        _process = process;
        Port = port;
        _stderr = stderr;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>anvil's first dev account (unlocked; 10,000 ETH).</summary>
    public static Address Account0 { get; } = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

    public static string FindBinary()
    {
        var fromEnv = Environment.GetEnvironmentVariable("DEPIN_ANVIL_BIN");
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return File.Exists(fromEnv) ? fromEnv : throw new InvalidOperationException($"DEPIN_ANVIL_BIN points to '{fromEnv}', which does not exist");
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "DePin.Index.sln"))) continue;
            var path = Path.Combine(dir.FullName, PackagePath);
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"anvil not found at {path}: run `cd {Path.Combine(dir.FullName, "deploy")} && npm ci`, or set DEPIN_ANVIL_BIN");
        }
        throw new InvalidOperationException($"no DePin.Index.sln above {AppContext.BaseDirectory}; set DEPIN_ANVIL_BIN to the anvil binary");
    }

    /// <summary>Starts anvil and waits until eth_chainId answers (a few tries on fresh ports if one is taken).</summary>
    public static async Task<AnvilInstance> StartAsync(params string[] extraArgs)
    {
        var binary = FindBinary();
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = FreePort();
            var anvil = Launch(binary, port, extraArgs);
            try
            {
                await anvil.WaitReadyAsync(TimeSpan.FromSeconds(15));
                return anvil;
            }
            catch (InvalidOperationException e)
            {
                last = e;
                anvil.Dispose();
            }
        }
        throw new InvalidOperationException("anvil did not start", last);
    }

    private static AnvilInstance Launch(string binary, int port, string[] extraArgs)
    {
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])["--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", .. extraArgs])
            info.ArgumentList.Add(a);
        var stderr = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderr) stderr.AppendLine(e.Data);
        };
        process.OutputDataReceived += (_, _) => { };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return new AnvilInstance(process, port, stderr);
    }

    private async Task WaitReadyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                string err;
                lock (_stderr) err = _stderr.ToString();
                throw new InvalidOperationException($"anvil exited with code {_process.ExitCode} on port {Port}: {err}");
            }
            try
            {
                using var content = new StringContent("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}", Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri(Url), content);
                if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains("0x7a69", StringComparison.Ordinal)) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(20);
        }
        throw new InvalidOperationException($"anvil on port {Port} did not answer eth_chainId within {limit}");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
