using Microsoft.Extensions.Options;
using ResponseMonitor.Connectors.Http;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Platforms;

/// <summary>
/// What every connector needs, in one place: the resilient HTTP client, the channel's secrets, where credential news
/// waits for its page, the connector options and the clock. A connector takes this one dependency and opens a
/// <see cref="PlatformSession"/> per read.
/// </summary>
public sealed class PlatformServices(IHttpClientFactory httpClients, IChannelSecrets secrets, IOptions<ConnectorOptions> options, TimeProvider time)
{
    /// <summary>The named client with the connectors' retries and time-outs.</summary>
    public const string HttpClientName = "platform";

    /// <summary>Where channels' tokens and keys are read, and rotated ones written.</summary>
    public IChannelSecrets Secrets { get; } = secrets;

    /// <summary>Where a read reports what the platform said of the channel's credential; the read's next page carries it.</summary>
    public CredentialNews Credentials { get; } = new();

    /// <summary>Retries, time-outs and page limits for every connector.</summary>
    public ConnectorOptions Options => options.Value;

    /// <summary>The clock every connector reads.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>A client with the connectors' retries and time-outs.</summary>
    public HttpClient CreateClient() => httpClients.CreateClient(HttpClientName);

    /// <summary>The platform's one sender: its error classifier, pauses and spent budgets, shared by all its channels.</summary>
    internal PlatformHttp CreateHttp(IPlatformErrorClassifier errors) => new(errors, Time);

    /// <summary>One channel's client and token for one read.</summary>
    public PlatformSession Open(string channelId) => new(channelId, CreateClient(), Secrets.GetAccessToken(channelId));
}
