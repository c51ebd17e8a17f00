namespace ResponseMonitor.Connectors.Http;

/// <summary>What a platform's answer means when it is not the data that was asked for.</summary>
internal enum PlatformFaultKind
{
    /// <summary>The credential is refused and a person must renew it.</summary>
    CredentialsRejected,

    /// <summary>The credential is valid but lacks a permission the read needs: a person must grant it.</summary>
    PermissionDenied,

    /// <summary>A short-lived session or access token ended; the connector may renew it itself and ask once more.</summary>
    SessionExpired,

    /// <summary>A rate limit: ask again after <see cref="PlatformFault.Until"/>.</summary>
    RateLimited,

    /// <summary>A quota (daily, monthly, paid credits) is spent until <see cref="PlatformFault.Until"/>.</summary>
    QuotaExhausted,

    /// <summary>The thing asked for is gone (a deleted post): nothing to read, not a failure of the channel.</summary>
    NotFound,

    /// <summary>The network or the platform's edge blocked the request (an HTML block page): not about the token.</summary>
    Blocked,

    /// <summary>A fault on the platform's side that the next poll may not meet (5xx, a gateway time-out).</summary>
    Transient,

    /// <summary>Any other refusal, named in the detail.</summary>
    Failed,
}
