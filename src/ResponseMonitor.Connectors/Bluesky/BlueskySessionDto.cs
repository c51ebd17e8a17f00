namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>com.atproto.server.createSession input and output, in part.</summary>
internal sealed class BlueskySessionDto
{
    public string? Identifier { get; set; }

    public string? Password { get; set; }

    public string? AccessJwt { get; set; }

    public string? RefreshJwt { get; set; }
}
