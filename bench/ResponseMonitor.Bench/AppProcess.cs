using System.Diagnostics;
using System.Net.Sockets;

namespace ResponseMonitor.Bench;

/// <summary>The app started standalone as its own process on a free loopback port, for measurements per process (cold start, GC mode).</summary>
internal sealed class AppProcess : IAsyncDisposable
{
    public const string ApiKey = "bench-api-key-0123456789";

    private AppProcess(Process process, HttpClient http, TimeSpan healthAfter)
    {
        Process = process;
        Http = http;
        HealthAfter = healthAfter;
    }

    public Process Process { get; }

    /// <summary>A client with the API key.</summary>
    public HttpClient Http { get; }

    /// <summary>From process start to the first answered GET /api/health.</summary>
    public TimeSpan HealthAfter { get; }

    /// <summary>Starts <paramref name="file"/> <paramref name="args"/> with the storage and key set, and waits until /api/health answers.</summary>
    public static async Task<AppProcess> StartAsync(string file, string args, string directory, string storage, IReadOnlyDictionary<string, string>? environment = null)
    {
        int port;
        using (var probe = new TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Hosting__Urls"] = $"http://127.0.0.1:{port}",
                ["Hosting__Triggers"] = "false",
                ["Api__Key"] = ApiKey,
                ["AzureWebJobsStorage"] = storage,
                ["Storage__Prefix"] = "bench" + Guid.NewGuid().ToString("N")[..8],
                ["Logging__LogLevel__Default"] = "Warning",
                ["Telemetry__ConsoleMetrics"] = "false",
            },
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Add("x-api-key", ApiKey);
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, http, TimeSpan.Zero);
        try
        {
            while (true)
            {
                try
                {
                    using var response = await http.GetAsync("/api/health");
                    if (response.IsSuccessStatusCode)
                    {
                        return new AppProcess(process, http, clock.Elapsed);
                    }
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(5);
                }

                if (clock.Elapsed > TimeSpan.FromSeconds(60) || process.HasExited)
                {
                    throw new InvalidOperationException($"{file} did not answer.");
                }
            }
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        await Process.WaitForExitAsync();
        Process.Dispose();
        Http.Dispose();
    }
}
