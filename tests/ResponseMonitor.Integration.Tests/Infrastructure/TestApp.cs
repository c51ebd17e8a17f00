using ResponseMonitor.App.Functions;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.App.Hosting;

namespace ResponseMonitor.Integration.Tests.Infrastructure;

/// <summary>
/// The real app (StandaloneHost.Create, as Program runs it) on a free loopback port, over Azurite, with its own
/// table prefix and queue so that tests never see each other's data. Triggers off by default: nothing runs unless a
/// test invokes it, the way the Functions host would.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string ApiKey = "test-api-key-0123456789";

    private TestApp(WebApplication app, string prefix, string queueName)
    {
        App = app;
        Prefix = prefix;
        QueueName = queueName;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        Client.DefaultRequestHeaders.Add("x-api-key", ApiKey);
        Anonymous = new HttpClient { BaseAddress = Client.BaseAddress };
    }

    public WebApplication App { get; }

    public string Prefix { get; }

    public string QueueName { get; }

    /// <summary>Sends the API key.</summary>
    public HttpClient Client { get; }

    /// <summary>Sends no key.</summary>
    public HttpClient Anonymous { get; }

    public IServiceProvider Services => App.Services;

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<TestApp> StartAsync(IDictionary<string, string?>? settings = null, FakeTimeProvider? time = null, string? storage = null, string? sharedPrefix = null, Microsoft.Extensions.Logging.ILoggerProvider? logging = null, Action<IServiceCollection>? configure = null)
    {
        var prefix = sharedPrefix ?? NewPrefix();
        var queueName = "q-" + prefix;
        var args = Arguments(settings, prefix, storage);
        var app = StandaloneHost.Create(args, services =>
        {
            if (time is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(time);
            }

            if (logging is not null)
            {
                services.AddSingleton(logging);
            }

            configure?.Invoke(services);
        });
        await app.StartAsync();
        return new TestApp(app, prefix, queueName);
    }

    /// <summary>The command line the tests give the program: storage on Azurite under <paramref name="prefix"/>, then <paramref name="settings"/>.</summary>
    public static string[] Arguments(IDictionary<string, string?>? settings, string prefix, string? storage = null)
    {
        var queueName = "q-" + prefix;
        var all = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Hosting:Triggers"] = "false",
            ["AzureWebJobsStorage"] = storage ?? AzuriteEnvironment.ConnectionString,
            ["Storage:Prefix"] = prefix,
            ["Storage:AnalysisQueueName"] = queueName,
            ["Storage:PollQueueName"] = "p-" + prefix,
            ["Storage:MaxRetries"] = "1",
            ["Storage:NetworkTimeout"] = "00:00:05",
            ["Api:Key"] = ApiKey,
            ["Connectors:MaxRetryAttempts"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Telemetry:ConsoleMetrics"] = "false",

            // The recorded platform answers date back to 2017; at the default 400 days they would be past retention and
            // skipped (docs/PRIVACY.md). Tests of retention set their own.
            ["Monitor:Retention:Days"] = "3650",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all.Where(kv => kv.Value is not null).Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
    }

    /// <summary>A fresh table prefix; give the same one to two apps to make them instances of one deployment.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Settings for a generic-feed channel at index <paramref name="index"/>.</summary>
    public static Dictionary<string, string?> Channel(int index, string id, Uri feedUrl, string brandId = "brand", string? webhookSecret = null, string? token = null)
    {
        var prefix = $"Monitor:Channels:{index}:";
        return new Dictionary<string, string?>
        {
            [prefix + "Id"] = id,
            [prefix + "Name"] = "Channel " + id,
            [prefix + "Kind"] = "generic-feed",
            [prefix + "FeedUrl"] = feedUrl.ToString(),
            [prefix + "BrandAuthorIds:0"] = brandId,
            [prefix + "WebhookSecret"] = webhookSecret,
            [prefix + "AccessToken"] = token,
        };
    }

    public static Dictionary<string, string?> Merge(params IDictionary<string, string?>[] parts)
    {
        var merged = new Dictionary<string, string?>();
        foreach (var part in parts)
        {
            foreach (var (key, value) in part)
            {
                merged[key] = value;
            }
        }

        return merged;
    }

    /// <summary>Runs the poll messages a timer cycle queued, as the standalone poll listener would, until none is left.</summary>
    public static async Task DrainPollQueueAsync(TestApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var listener = app.Services.GetQueueListener(FunctionNames.PollChannel);
        while (await listener.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
