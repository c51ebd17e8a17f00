using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using ResponseMonitor.App.Functions;
using ResponseMonitor.App.Hosting;
using ResponseMonitor.App.Standalone;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Browser.Tests.Infrastructure;

/// <summary>
/// The demo brand as ./run.sh serves it (the real app standalone on Azurite, the demo's emulated platforms read by the
/// real connectors), polled and analysed once by the test with the functions the triggers run, a warning receiver on
/// loopback that answers 500 until a test says otherwise, and Debian's chromium driven by Playwright. Time on the
/// server is a fake clock started at the real now, so a test can move it past a retry delay.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string ApiKey = "browser-test-key-0123456789";

    public WebApplication App { get; private set; } = null!;

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public LoopbackServer Receiver { get; private set; } = null!;

    public int ReceiverStatus { get; set; } = 500;

    public string BaseUrl { get; private set; } = "";

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    public static string ArtifactsFolder { get; } = Repo.PathOf(".artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Receiver = await LoopbackServer.StartAsync();
        Receiver.Handler = context =>
        {
            context.Response.StatusCode = ReceiverStatus;
            return Task.CompletedTask;
        };
        var port = AzuriteEnvironment.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var prefix = "b" + Guid.NewGuid().ToString("N")[..10];
        string[] args =
        [
            $"--urls={BaseUrl}",
            "--Hosting:Triggers=false",
            $"--AzureWebJobsStorage={AzuriteEnvironment.ConnectionString}",
            $"--Storage:Prefix={prefix}",
            $"--Storage:AnalysisQueueName=q-{prefix}",
            $"--Storage:PollQueueName=p-{prefix}",
            $"--Api:Key={ApiKey}",
            "--Demo:Enabled=true",
            $"--Demo:BaseUrl={BaseUrl}",
            $"--Notifications:WebhookUrl={Receiver.Url("/hook")}",
            "--Connectors:MaxRetryAttempts=0",
            "--Logging:LogLevel:Default=Warning",
            "--Telemetry:ConsoleMetrics=false",
        ];
        App = StandaloneHost.Create(args, services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
        await App.StartAsync();
        Api = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        Api.DefaultRequestHeaders.Add("x-api-key", ApiKey);
        await PollAndAnalyseAsync();

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(ArtifactsFolder);
    }

    /// <summary>One poll cycle, then every queued analysis, as the standalone timer and listener would run them.</summary>
    public async Task PollAndAnalyseAsync()
    {
        await App.Services.GetRequiredService<PollChannelsFunction>().RunAsync(CancellationToken.None);
        var polls = App.Services.GetQueueListener(FunctionNames.PollChannel);
        while (await polls.RunOnceAsync(CancellationToken.None) > 0)
        {
        }

        var listener = App.Services.GetQueueListener(FunctionNames.AnalyzeChannel);
        while (await listener.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>A page in a fresh context that has entered the key and drawn the dashboard.</summary>
    public async Task<IPage> OpenAsync(BrowserNewContextOptions? options = null, string path = "/")
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + path);
        await page.Locator("#key-input").FillAsync(ApiKey);
        await page.Locator("#key-form button[type=submit]").ClickAsync();
        await page.Locator(".card").First.WaitForAsync();
        return page;
    }

    private static string ChromiumPath()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("RESPONSEMONITOR_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Chromium is not installed: ./test.sh installs Debian's chromium package (apt-get install chromium).");
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        Api.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
