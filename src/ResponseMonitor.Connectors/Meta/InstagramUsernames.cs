using System.Collections.Concurrent;
using ResponseMonitor.Connectors.Http;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Meta;

/// <summary>
/// The username of each Instagram channel's account, which is how the brand's own comments are told apart (they carry
/// an app-scoped id, never the account id: <see cref="InstagramBrand"/>). A push may arrive before any poll has learnt
/// it from the media listing, so without <c>Settings:username</c> it is asked of Graph once,
/// <c>GET /{ig-user-id}?fields=username</c> (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user),
/// and kept for the process's life.
/// </summary>
internal sealed class InstagramUsernames(PlatformServices platform)
{
    private readonly ConcurrentDictionary<string, string> _known = new(StringComparer.OrdinalIgnoreCase);
    private readonly PlatformHttp _http = platform.CreateHttp(new GraphErrors());

    /// <summary>Keeps a username the account's own media named.</summary>
    public void Learn(string channelId, string? username)
    {
        if (!string.IsNullOrWhiteSpace(username))
        {
            _known[channelId] = username;
        }
    }

    /// <summary>The account's username: configured, learnt, or asked of Graph. Throws <see cref="ConnectorException"/> when Graph cannot say.</summary>
    public async Task<string> GetAsync(ChannelDefinition channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (channel.Settings.GetValueOrDefault(InstagramBrand.UsernameSetting) is { Length: > 0 } configured)
        {
            return configured;
        }

        if (_known.TryGetValue(channel.Id, out var known))
        {
            return known;
        }

        var accountId = channel.Settings.GetValueOrDefault(InstagramConnector.AccountIdSetting) ?? throw new ConnectorException($"Channel {channel.Id} needs the '{InstagramConnector.AccountIdSetting}' setting.");
        var token = platform.Secrets.GetAccessToken(channel.Id) ?? throw new ConnectorException($"Channel {channel.Id} has neither Settings:username nor an access token to ask Instagram for it.");
        var graph = new GraphApi(platform.CreateClient(), _http, ChannelSettings.Read(channel, MetaSettings.Graph), channel.Id, token);
        using var document = await graph.GetDocumentAsync(graph.Url($"{Uri.EscapeDataString(accountId)}?fields=username"), "the account's username", cancellationToken).ConfigureAwait(false);
        var username = document is not null && document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object ? GraphApi.Text(document.RootElement, "username") : null;
        if (string.IsNullOrWhiteSpace(username))
        {
            throw new ConnectorException($"Instagram did not give the username of account {accountId}; set Settings:username.");
        }

        _known[channel.Id] = username;
        return username;
    }
}
