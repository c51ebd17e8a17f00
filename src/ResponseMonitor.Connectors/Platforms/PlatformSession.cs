namespace ResponseMonitor.Connectors.Platforms;

/// <summary>A channel's HTTP session for one read: the client and its configured token (null when none is set).</summary>
public sealed record PlatformSession(string ChannelId, HttpClient Client, string? Token);
