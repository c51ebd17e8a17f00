using System.Collections.Concurrent;
using System.Security.Cryptography;
using ResponseMonitor.App.Api;
using ResponseMonitor.Notifications.Webhook;

namespace ResponseMonitor.App.Demo;

/// <summary>
/// The demo's loopback notification sink: a webhook sink named <see cref="SinkName"/> posts the demo's warnings to
/// <c>POST /api/demo/inbox</c> on the app itself, signed with a secret made for this run, so a new user sees a
/// delivered warning in the outbox. Added only when no sink is configured. It keeps the last few deliveries in memory.
/// </summary>
internal sealed class DemoInbox
{
    public const string SinkName = "demo-inbox";
    private const int Kept = 20;
    private readonly ConcurrentQueue<string> _received = new();

    /// <summary>The HMAC key the sink signs with: random per run, never written anywhere.</summary>
    public string Secret { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public int Count => _received.Count;

    /// <summary>Adds the sink to the configuration unless the operator configured sinks of their own.</summary>
    public void AddSink(IConfigurationBuilder configuration, IConfiguration current, DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        if (current.GetSection("Notifications:Sinks").GetChildren().Any() || !string.IsNullOrWhiteSpace(current["Notifications:WebhookUrl"]))
        {
            return;
        }

        configuration.Add(new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                [$"Notifications:Sinks:{SinkName}:Type"] = "webhook",
                [$"Notifications:Sinks:{SinkName}:Url"] = $"{options.BaseUrl.TrimEnd('/')}/api/demo/inbox",
                [$"Notifications:Sinks:{SinkName}:Secret"] = Secret,
            },
        });
    }

    /// <summary><c>POST /api/demo/inbox</c>: a receiver as docs/WARNINGS.md asks one to be, checking the signature.</summary>
    public static RouteGroupBuilder MapDemoInbox(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/demo/inbox", async (HttpRequest request, DemoInbox inbox, CancellationToken cancellationToken) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            var timestamp = request.Headers[WebhookSink.TimestampHeader].FirstOrDefault() ?? "";
            var presented = request.Headers[WebhookSink.SignatureHeader].FirstOrDefault() ?? "";
            var expected = WebhookSink.Sign(inbox.Secret, timestamp, buffer.ToArray());
            if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(presented), System.Text.Encoding.UTF8.GetBytes(expected)))
            {
                return Problems.Unauthorized("The signature does not match.");
            }

            inbox._received.Enqueue(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            while (inbox._received.Count > Kept && inbox._received.TryDequeue(out _))
            {
            }

            return Results.NoContent();
        });
        return api;
    }
}
