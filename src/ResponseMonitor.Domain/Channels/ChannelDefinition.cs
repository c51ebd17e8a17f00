namespace ResponseMonitor.Domain.Channels;

/// <summary>
/// A brand's channel as the monitor knows it. Holds no secrets: tokens and webhook secrets are resolved
/// separately through <see cref="Ports.IChannelSecrets"/> so that a definition can be logged or serialised safely.
/// </summary>
public sealed record ChannelDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Connector kind, e.g. <c>generic-feed</c>.</summary>
    public required string Kind { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>Author ids that are the brand on this channel. A reply by any of them answers the public.</summary>
    public required IReadOnlySet<string> BrandAuthorIds { get; init; }

    /// <summary>Brand silent for longer than this raises <see cref="Warnings.WarningRules.BrandSilent"/>.</summary>
    public TimeSpan SilenceThreshold { get; init; } = TimeSpan.FromHours(72);

    /// <summary>A critic waiting longer than this raises <see cref="Warnings.WarningRules.CriticIgnored"/>.</summary>
    public TimeSpan CriticThreshold { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Connector settings that are not secret (feed URL, page size ...).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public bool IsBrandAuthor(string? authorId) => authorId is not null && BrandAuthorIds.Contains(authorId);
}
