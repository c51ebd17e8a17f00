using System.Diagnostics;
using System.Net.Sockets;

namespace ResponseMonitor.Bench.Stress;

/// <summary>
/// Azurite from the repository's node_modules, on fixed loopback ports, persisting to a folder so that it can be
/// stopped and started again (an outage) or frozen with SIGSTOP (a hung account) without losing what it held.
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string _root;
    private readonly string _location = Directory.CreateTempSubdirectory("stress-azurite").FullName;
    private readonly int[] _ports = [LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free()];
    private Process? _process;

    public AzuriteProcess(string root) => _root = root;

    /// <summary>The well-known development account: public, Azurite-only, not a secret.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:{_ports[0]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_ports[1]}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{_ports[2]}/devstoreaccount1;";

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Path.Combine(_root, "node_modules/.bin/azurite"),
            $"--silent --disableTelemetry --skipApiVersionCheck --loose --location {_location} --blobHost 127.0.0.1 --blobPort {_ports[0]} --queueHost 127.0.0.1 --queuePort {_ports[1]} --tableHost 127.0.0.1 --tablePort {_ports[2]}")
        {
            WorkingDirectory = _root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        foreach (var port in _ports)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }
            }
        }
    }

    /// <summary>Kills it: connections are refused until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>SIGSTOP: connections are accepted and never answered.</summary>
    public Task FreezeAsync() => SignalAsync("STOP");

    public Task ThawAsync() => SignalAsync("CONT");

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {_process!.Id}")!;
        await kill.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            await ThawAsync();
        }

        await StopAsync();
        _process?.Dispose();
        Directory.Delete(_location, recursive: true);
    }
}
