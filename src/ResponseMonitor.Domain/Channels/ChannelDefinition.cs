namespace ResponseMonitor.Domain.Channels;

/// <summary>
/// A brand's channel as the monitor knows it. Holds no secrets: tokens and webhook secrets are resolved
/// separately through <see cref="Ports.IChannelSecrets"/> so that a definition can be logged or serialised safely.
/// </summary>
public sealed record ChannelDefinition
{
    /// <summary>The channel's id, unique across the configuration and used in every key and route.</summary>
    public required string Id { get; init; }

    /// <summary>The name people see on the dashboard and in notifications.</summary>
    public required string Name { get; init; }

    /// <summary>Connector kind, e.g. <c>generic-feed</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Whether the channel is polled; a disabled one keeps its data.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Author ids that are the brand on this channel. A reply by any of them answers the public.</summary>
    public required IReadOnlySet<string> BrandAuthorIds { get; init; }

    /// <summary>The brand this channel speaks for; routes can pick warnings by it.</summary>
    public string Brand { get; init; } = "default";

    /// <summary>The language warnings about this channel are written in (en, es, de, fr); English when unknown.</summary>
    public string Language { get; init; } = "en";

    /// <summary>When the channel is staffed; null means always, and business time equals wall time.</summary>
    public Calendar.BusinessHours? BusinessHours { get; init; }

    /// <summary>Thresholds and lifecycle of the warning rules for this channel.</summary>
    public Warnings.WarningRuleSettings Warnings { get; init; } = ResponseMonitor.Domain.Warnings.WarningRuleSettings.Default;

    /// <summary>Which public messages need no answer, and which brand replies are automation.</summary>
    public Metrics.ExclusionRules Exclusions { get; init; } = Metrics.ExclusionRules.Default;

    /// <summary>How long the channel keeps what the public wrote; the sweep deletes what is older.</summary>
    public Privacy.RetentionPolicy Retention { get; init; } = Privacy.RetentionPolicy.Default;

    /// <summary>Connector settings that are not secret (feed URL, page size ...).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The channel's own poll cadence: it is polled at most this often; null polls it every cycle.</summary>
    public TimeSpan? PollInterval { get; init; }

    /// <summary>Whether the id is one of the brand's own accounts on the channel.</summary>
    public bool IsBrandAuthor(string? authorId) => authorId is not null && BrandAuthorIds.Contains(authorId);

    /// <summary>Time that counts against targets: open hours when the channel has business hours, wall time otherwise.</summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to) =>
        BusinessHours?.BusinessTimeBetween(from, to) ?? (to > from ? to - from : TimeSpan.Zero);

    /// <summary>When <paramref name="span"/> of business time will have passed since <paramref name="from"/>; null if never.</summary>
    public DateTimeOffset? AddBusinessTime(DateTimeOffset from, TimeSpan span) =>
        BusinessHours is null ? from + span : BusinessHours.AddBusinessTime(from, span);
}
