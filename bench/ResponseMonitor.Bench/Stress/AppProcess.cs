using System.Diagnostics;
using System.Net.Sockets;

namespace ResponseMonitor.Bench.Stress;

/// <summary>
/// The standalone app as a user runs it: <c>dotnet ResponseMonitor.dll</c> in its own process, configured through the
/// environment, its console output appended to one log file for the whole run (scanned for secrets at the end).
/// Kill is SIGKILL: no shutdown code runs.
/// </summary>
internal sealed class AppProcess(string dll, IReadOnlyDictionary<string, string> environment, string logPath) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private Process? _process;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{LoopbackPorts.Free()}");

    public int Starts { get; private set; }

    /// <summary>The running process's id, for reading its memory from /proc.</summary>
    public int? ProcessId => _process is { HasExited: false } running ? running.Id : null;

    public void Start()
    {
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["Hosting__Urls"] = BaseAddress.ToString().TrimEnd('/');
        _process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        Starts++;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("/api/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline || _process is { HasExited: true })
            {
                throw new InvalidOperationException($"The app did not answer /api/health (see {logPath}).");
            }

            await Task.Delay(50);
        }
    }

    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync() => new(KillAsync());

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            File.AppendAllText(logPath, line + "\n");
        }
    }
}
