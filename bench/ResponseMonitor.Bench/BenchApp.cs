using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.App.Hosting;

namespace ResponseMonitor.Bench;

/// <summary>The standalone app in the bench's process, triggers off, over its own tables, for the read benchmarks.</summary>
internal static class BenchApp
{
    public const string Key = "bench-api-key-0123456789";

    /// <summary>Starts the app on a free loopback port with these generic-feed channels (feeds never read) and read cache.</summary>
    public static async Task<WebApplication> StartAsync(string storage, string prefix, IEnumerable<string> channelIds, int cacheSeconds, Action<IServiceCollection>? services = null)
    {
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0", "--Hosting:Triggers=false", $"--Api:Key={Key}", $"--Api:ReadCacheSeconds={cacheSeconds}",
            $"--AzureWebJobsStorage={storage}", $"--Storage:Prefix={prefix}", $"--Storage:AnalysisQueueName=q-{prefix}", $"--Storage:PollQueueName=p-{prefix}",
            "--Logging:LogLevel:Default=Error", "--Telemetry:ConsoleMetrics=false",
        };
        var c = 0;
        foreach (var id in channelIds)
        {
            args.AddRange([$"--Monitor:Channels:{c}:Id={id}", $"--Monitor:Channels:{c}:FeedUrl=http://127.0.0.1:1/feed{c}", $"--Monitor:Channels:{c}:BrandAuthorIds:0=brand"]);
            c++;
        }

        var app = StandaloneHost.Create([.. args], services);
        await app.StartAsync();
        return app;
    }
}
