using System.Collections.Concurrent;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Platforms;

/// <summary>
/// What a connector learnt of a channel's credential while reading it (a token's end from the platform, a refreshed
/// session, a rotated refresh token), held until the read's next page carries it out as
/// <see cref="ConnectorPage.Credential"/>. The news is made deep in a read (inside a request's authorisation), far from
/// where pages are yielded; <see cref="CredentialNewsConnector"/> attaches it, so every platform reports the same way.
/// Keyed by channel: one channel is read by one poll at a time (the poll claim).
/// </summary>
public sealed class CredentialNews
{
    private readonly ConcurrentDictionary<string, CredentialLifetime> _news = new(StringComparer.Ordinal);

    /// <summary>Records what the platform said; the latest report of a read wins.</summary>
    /// <param name="channelId">The channel whose credential it is.</param>
    /// <param name="lifetime">What the platform said of it.</param>
    public void Report(string channelId, CredentialLifetime lifetime) => _news[channelId] = lifetime;

    internal CredentialLifetime? Take(string channelId) => _news.TryRemove(channelId, out var lifetime) ? lifetime : null;
}
