using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Integration.Tests.EchoPlatform;

/// <summary>Reads the echo platform over real HTTP through the connectors' shared client and the channel's token.</summary>
public sealed class EchoConnector(PlatformServices platform) : IChannelConnector
{
    /// <summary>The header in which the echo platform tells when the channel's token ends.</summary>
    public const string TokenExpiresHeader = "X-Echo-Token-Expires";

    public string Kind => EchoPlatform.KindName;

    public async IAsyncEnumerable<ConnectorPage> ReadAsync(ChannelDefinition channel, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (api, accountId) = ChannelSettings.Read(channel, EchoSettings.Read);
        var session = platform.Open(channel.Id);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(api, $"accounts/{Uri.EscapeDataString(accountId)}/comments"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        using var response = await session.Client.SendAsync(request, cancellationToken);

        // What the echo platform says of the token, in any answer: news a read learns deep down, before it fails or
        // yields, as a refreshed session or a token check is.
        if (response.Headers.TryGetValues(TokenExpiresHeader, out var expires))
        {
            platform.Credentials.Report(channel.Id, new CredentialLifetime(platform.Time.GetUtcNow(), DateTimeOffset.Parse(expires.Single(), System.Globalization.CultureInfo.InvariantCulture), RenewedByMonitor: false, "echo token"));
        }

        response.EnsureSuccessStatusCode();
        var items = EchoWire.Read(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        yield return new ConnectorPage(items, "read");
    }
}
