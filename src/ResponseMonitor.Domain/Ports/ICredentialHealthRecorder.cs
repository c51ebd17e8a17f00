namespace ResponseMonitor.Domain.Ports;

/// <summary>
/// Where a connector reports what it learnt about a channel's credential while reading it (a token's end from the
/// platform, a session's refresh lifetime). The poller stores the latest report with the channel's state, so the
/// dashboard and the credential warnings see it.
/// </summary>
public interface ICredentialHealthRecorder
{
    void Report(string channelId, CredentialLifetime lifetime);
}
