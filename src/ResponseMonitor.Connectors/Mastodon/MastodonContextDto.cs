namespace ResponseMonitor.Connectors.Mastodon;

/// <summary>GET /api/v1/statuses/:id/context: the statuses above and below one status.</summary>
internal sealed class MastodonContextDto
{
    public List<MastodonStatusDto>? Ancestors { get; set; }

    public List<MastodonStatusDto>? Descendants { get; set; }
}
