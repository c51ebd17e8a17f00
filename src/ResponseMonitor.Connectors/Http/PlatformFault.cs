using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Http;

/// <summary>A platform's answer read as one of the <see cref="PlatformFaultKind"/>s, with what it said and, for pauses, until when.</summary>
internal sealed record PlatformFault(PlatformFaultKind Kind, string Detail, DateTimeOffset? Until = null)
{
    /// <summary>
    /// The exception the poller acts on: a refused credential holds the channel for a person, a rate limit or a quota
    /// pauses it until the platform's reset, everything else fails this poll only.
    /// </summary>
    public Exception ToException(string platform, string what, DateTimeOffset now) => Kind switch
    {
        PlatformFaultKind.CredentialsRejected or PlatformFaultKind.SessionExpired =>
            new CredentialRejectedException($"{platform} refused the credentials reading {what} ({Detail}); renew the channel's token."),
        PlatformFaultKind.PermissionDenied =>
            new CredentialRejectedException($"{platform} refused a permission reading {what} ({Detail}); grant it to the channel's token or app.") { PermissionDenied = true },
        PlatformFaultKind.RateLimited =>
            new RateLimitedException($"{platform} rate-limited reading {what} ({Detail}); paused until {PauseEnd(now):u}.", PauseEnd(now)),
        PlatformFaultKind.QuotaExhausted =>
            new RateLimitedException($"{platform}'s quota is spent reading {what} ({Detail}); paused until it resets at {PauseEnd(now):u}.", PauseEnd(now)),
        PlatformFaultKind.Blocked =>
            new ConnectorException($"{platform} blocked the request for {what} ({Detail}): the network or agent is blocked, not the token."),
        _ => new ConnectorException($"{platform} {what}: {Detail}."),
    };

    /// <summary>A pause at least a minute long: a reset in the past (clock skew) must not turn into a busy loop.</summary>
    private DateTimeOffset PauseEnd(DateTimeOffset now) => Until is { } until && until > now ? until : now.AddMinutes(1);
}
