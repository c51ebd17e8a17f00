using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.App.Hosting;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Bench;

/// <summary>
/// Issue 28, "every platform's quiet channel": a quiet poll per platform kind. The standalone app runs the demo brand
/// (its channels: a generic feed and each platform, served on loopback by the demo's emulations in the platform's own
/// wire format, read by the real connectors) in this process, triggers off. A first poll stores each channel's
/// history; then, for each of C quiet cycles, every channel is polled alone, as a poll message's worker polls it
/// (its state read beforehand with the cycle's query, not counted), and its storage transactions (a policy in the
/// storage clients' pipeline) and wall time are recorded. The state query a batch shares (1/20 per channel) and the
/// refresh analysis every 15 min are not in these figures (docs/PERFORMANCE.md counts them).
/// </summary>
internal static class PlatformPollBenchmark
{
    public static async Task<int> RunAsync(string storage, int cycles)
    {
        int port;
        using (var probe = new TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var prefix = "pk" + Guid.NewGuid().ToString("N")[..8];
        var counter = new TransactionCounter();
        var app = StandaloneHost.Create(
        [
            $"--urls=http://127.0.0.1:{port}", "--Hosting:Triggers=false", "--Api:Key=bench-api-key-0123456789",
            $"--AzureWebJobsStorage={storage}", $"--Storage:Prefix={prefix}", $"--Storage:AnalysisQueueName=q-{prefix}", $"--Storage:PollQueueName=p-{prefix}",
            "--Demo:Enabled=true", $"--Demo:BaseUrl=http://127.0.0.1:{port}",
            "--Logging:LogLevel:Default=Error", "--Telemetry:ConsoleMetrics=false",
        ], services => services.AddSingleton<HttpPipelinePolicy>(counter));
        await app.StartAsync();
        try
        {
            var poller = app.Services.GetRequiredService<ChannelPoller>();
            var catalog = app.Services.GetRequiredService<IChannelCatalog>();
            var states = app.Services.GetRequiredService<IChannelStateStore>();
            var first = await poller.PollAllAsync(CancellationToken.None);
            var stored = first.Channels.ToDictionary(c => c.ChannelId, c => c.ItemsStored, StringComparer.Ordinal);
            var results = catalog.All.ToDictionary(c => c.Id, _ => (Transactions: new List<double>(), Milliseconds: new List<double>(), Stored: 0), StringComparer.Ordinal);
            for (var cycle = 0; cycle < cycles + 1; cycle++)
            {
                var known = (await states.GetAllAsync(CancellationToken.None)).ToDictionary(s => s.ChannelId, StringComparer.Ordinal);
                foreach (var channel in catalog.All)
                {
                    var state = known.GetValueOrDefault(channel.Id);
                    counter.Reset();
                    var clock = Stopwatch.StartNew();
                    var outcome = await poller.PollChannelAsync(channel, state?.Cursor, CancellationToken.None, state);
                    var elapsed = clock.Elapsed.TotalMilliseconds;
                    var transactions = counter.Reset();
                    if (!outcome.Succeeded)
                    {
                        throw new InvalidOperationException($"{channel.Id} failed: {outcome.Error}");
                    }

                    // The first quiet cycle warms the process (JIT, connections); it is not counted.
                    if (cycle > 0)
                    {
                        var r = results[channel.Id];
                        r.Transactions.Add(transactions);
                        r.Milliseconds.Add(elapsed);
                        results[channel.Id] = r with { Stored = r.Stored + outcome.ItemsStored };
                    }
                }
            }

            Console.WriteLine($"Demo brand, {cycles} quiet cycles per channel after the first poll (medians); load average {File.ReadAllText("/proc/loadavg")[..14]}");
            Console.WriteLine("| channel | kind | items stored by the first poll | quiet cycle: storage transactions (min / median / max) | items stored in quiet cycles | quiet cycle: wall time p50 / max (ms) |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var channel in catalog.All.OrderBy(c => c.Kind, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal))
            {
                var r = results[channel.Id];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {channel.Id} | {channel.Kind} | {stored.GetValueOrDefault(channel.Id)} | {r.Transactions.Min():F0} / {Statistics.Median(r.Transactions):F0} / {r.Transactions.Max():F0} | {r.Stored} | {Statistics.Median(r.Milliseconds):F1} / {r.Milliseconds.Max():F1} |"));
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        return 0;
    }
}
