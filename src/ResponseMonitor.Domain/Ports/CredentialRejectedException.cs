namespace ResponseMonitor.Domain.Ports;

/// <summary>
/// The platform refused the channel's token (expired or revoked). Retrying will not help until someone renews it, so
/// the poller reports it once and holds the channel back (<c>Polling:CredentialRetryInterval</c>) instead of retrying
/// every cycle. The message names the secret to renew, never its value. A permission the credential lacks is the same
/// kind of fault: a person must grant it (<see cref="PermissionDenied"/>).
/// </summary>
public sealed class CredentialRejectedException : Exception
{
    /// <summary>True when the credential is valid but lacks a permission the read needs.</summary>
    public bool PermissionDenied { get; init; }

    /// <summary>A refusal with no message.</summary>
    public CredentialRejectedException()
    {
    }

    /// <summary>A refusal, described for the person who must renew the credential.</summary>
    public CredentialRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>A refusal, described for a person, with its cause.</summary>
    public CredentialRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
