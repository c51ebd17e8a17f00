using System.Collections.Concurrent;
using System.Text.Json;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Meta;

/// <summary>
/// Asks Meta when the channel's token ends, twice a day per channel: <c>GET /debug_token?input_token=…</c>
/// (https://developers.facebook.com/docs/graph-api/reference/debug_token/ and
/// https://developers.facebook.com/docs/facebook-login/guides/access-tokens/debugging). Its <c>data.expires_at</c> is 0
/// for a token that does not expire (a Page token from a long-lived user token); <c>data_access_expires_at</c> is when
/// the app loses access to the data unless the person comes back, which ends reading as surely. The earlier of the two
/// is the credential's end; <c>is_valid: false</c> is a refused token. The token travels in the query here, as the
/// endpoint requires; IHttpClientFactory's logs redact query strings since .NET 9.
/// </summary>
internal sealed class MetaTokenCheck(CredentialNews credentials, TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(12);

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, CredentialLifetime? Lifetime)> _checked = new(StringComparer.Ordinal);

    /// <summary>Checks the token at most every <see cref="Interval"/>; returns what Meta last said of it (null when it did not say).</summary>
    public async Task<CredentialLifetime?> CheckAsync(GraphApi graph, string channelId, string token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_checked.TryGetValue(channelId, out var last) && now - last.At < Interval)
        {
            return last.Lifetime;
        }

        JsonDocument? document;
        try
        {
            document = await graph.GetDocumentAsync(graph.Url("debug_token?input_token=" + Uri.EscapeDataString(token)), "token check", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectorException or CredentialRejectedException { PermissionDenied: true })
        {
            // The check is advice: an app that may not debug its own tokens still reads the channel.
            _checked[channelId] = (now, null);
            return null;
        }

        _checked[channelId] = (now, null);
        using (document)
        {
            if (document is null || document.RootElement.ValueKind != JsonValueKind.Object || GraphApi.Object(document.RootElement, "data") is not { } data)
            {
                return null;
            }

            if (data.TryGetProperty("is_valid", out var valid) && valid.ValueKind == JsonValueKind.False)
            {
                var reason = GraphApi.Object(data, "error") is { } error ? GraphApi.Text(error, "message") : null;
                throw new CredentialRejectedException($"Meta says the channel's token is no longer valid{(reason is null ? "" : $" ({reason})")}; renew the channel's token.");
            }

            var expires = Epoch(data, "expires_at");
            var dataAccess = Epoch(data, "data_access_expires_at");
            var end = new[] { expires, dataAccess }.Where(t => t is not null).Min();
            var type = GraphApi.Text(data, "type") ?? "access";
            var source = $"Meta debug_token: {type} token, " + (expires is null ? "does not expire" : $"expires {expires:yyyy-MM-dd}") + (dataAccess is null ? "" : $", data access until {dataAccess:yyyy-MM-dd}");
            var lifetime = new CredentialLifetime(now, end, RenewedByMonitor: false, source);
            credentials.Report(channelId, lifetime);
            _checked[channelId] = (now, lifetime);
            return lifetime;
        }
    }

    /// <summary>A Unix time in seconds; 0 (never) and absent are null.</summary>
    private static DateTimeOffset? Epoch(JsonElement data, string property) =>
        data.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds) && seconds > 0
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
