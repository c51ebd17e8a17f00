using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Integration.Tests.EchoPlatform;

/// <summary>The echo platform's settings, read the same way at start-up and at each poll.</summary>
public sealed record EchoSettings(Uri Api, string AccountId)
{
    public static EchoSettings Read(ChannelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.RequiredUrl("apiUrl", asBase: true), settings.Required("accountId"));
    }
}
