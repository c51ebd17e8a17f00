using System.ComponentModel.DataAnnotations;

namespace ResponseMonitor.App.Configuration;

/// <summary>
/// One channel in configuration (<c>Monitor:Channels:N:*</c>). <see cref="AccessToken"/> and <see cref="WebhookSecret"/>
/// are secrets: in Azure they are Key Vault references in app settings; they never leave this object except through
/// <see cref="Domain.Ports.IChannelSecrets"/>.
/// </summary>
internal sealed class ChannelOptions
{
    [Required]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", ErrorMessage = "A channel id is 1-64 letters, digits, '_', '.' or '-'.")]
    public string Id { get; set; } = "";

    public string? Name { get; set; }

    [Required]
    public string Kind { get; set; } = Domain.Channels.ChannelKinds.GenericFeed;

    public bool Enabled { get; set; } = true;

    [MinLength(1, ErrorMessage = "A channel needs at least one brand author id, or no reply could ever count.")]
    public List<string> BrandAuthorIds { get; set; } = [];

    /// <summary>Shorthand for <c>Warnings:SilenceThreshold</c>.</summary>
    public TimeSpan? SilenceThreshold { get; set; }

    /// <summary>Shorthand for <c>Warnings:CriticThreshold</c>.</summary>
    public TimeSpan? CriticThreshold { get; set; }

    /// <summary>The brand this channel belongs to; <c>Monitor:Brand</c> when empty.</summary>
    public string? Brand { get; set; }

    /// <summary>Days this channel keeps what the public wrote; else its brand's, else Monitor:Retention:Days.</summary>
    public int? RetentionDays { get; set; }

    /// <summary>Poll this channel at most this often (a quiet channel less often than the schedule); every cycle when empty.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "PollInterval must be between 1 second and 7 days.")]
    public TimeSpan? PollInterval { get; set; }

    /// <summary>Language of warnings about this channel (en, es, de, fr); <c>Monitor:Language</c> when empty.</summary>
    public string? Language { get; set; }

    /// <summary>The channel's exclusion settings, over the brand's (<c>Monitor:Exclusions</c>).</summary>
    public ExclusionOptions? Exclusions { get; set; }

    /// <summary>The channel's own business hours; the brand's (<c>Monitor:BusinessHours</c>) when not set.</summary>
    public BusinessHoursOptions? BusinessHours { get; set; }

    /// <summary>
    /// The rule settings in force: <c>Monitor:Warnings</c> with <c>Monitor:Channels:N:Warnings</c> laid over them.
    /// Filled in after binding (see <see cref="WarningSettingsBinder"/>), not read from configuration directly.
    /// </summary>
    public Domain.Warnings.WarningRuleSettings Warnings { get; set; } = new();

    /// <summary>The generic feed's URL (kind generic-feed): <c>Settings:feedUrl</c> under the name configurations have always used.</summary>
    public string? FeedUrl { get; set; }

    /// <summary>Connector settings that are not secret, e.g. <c>instanceUrl</c> and <c>accountId</c> for Mastodon.</summary>
    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The settings the channel's platform reads: <see cref="Settings"/>, with <see cref="FeedUrl"/> as <c>feedUrl</c> when set.</summary>
    public Dictionary<string, string> PlatformSettings()
    {
        var settings = new Dictionary<string, string>(Settings, StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(FeedUrl))
        {
            settings["feedUrl"] = FeedUrl;
        }

        return settings;
    }

    public string? AccessToken { get; set; }

    /// <summary>The Key Vault secret <see cref="AccessToken"/> references, where a token the platform rotates is written (Secrets:VaultUri).</summary>
    public string? AccessTokenSecretName { get; set; }

    /// <summary>The OAuth app's secret, for platforms whose tokens the monitor renews itself (Reddit). A secret: Key Vault.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>HMAC-SHA256 key for pushes to /api/webhooks/{id} (Meta: the app secret); empty disables push for the channel.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The verify token of a Meta webhook subscription, echoed in the GET handshake.</summary>
    public string? WebhookVerifyToken { get; set; }

    /// <summary>Where the channel was configured (<c>Monitor:Channels:3</c>, <c>Monitor:ChannelsFile[3]</c>), for start-up messages; not bound.</summary>
    internal string? SourcePath { get; set; }

    /// <summary>The channel's place in start-up messages: where it was configured, else its index in <c>Monitor:Channels</c>.</summary>
    internal string PathOr(int index) => SourcePath ?? $"Monitor:Channels:{index}";
}
