namespace ResponseMonitor.Connectors.Platforms;

/// <summary>One request to a demo channel's emulated platform.</summary>
/// <param name="ChannelId">The demo channel.</param>
/// <param name="Method">GET, or POST for a session call.</param>
/// <param name="Path">The path below the channel's emulated base URL, without a leading slash: <c>api/v1/notifications</c>.</param>
/// <param name="Items">The channel's demo items, placed in time.</param>
/// <param name="BrandId">The brand's author id on the channel.</param>
/// <param name="Now">The demo's clock.</param>
/// <param name="KeyChecked">The API key was checked by the route (GETs); a POST is not, and an emulator that answers one checks the body itself with <see cref="IsApiKey"/>.</param>
/// <param name="Body">The request's body (empty for a GET).</param>
/// <param name="IsApiKey">Whether a secret the body carries is the API key (a fixed-time comparison).</param>
public sealed record DemoRequest(
    string ChannelId,
    string Method,
    string Path,
    IReadOnlyList<DemoItem> Items,
    string? BrandId,
    DateTimeOffset Now,
    bool KeyChecked,
    ReadOnlyMemory<byte> Body,
    Func<string, bool> IsApiKey)
{
    /// <summary>The path's segments.</summary>
    public string[] Segments => Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
