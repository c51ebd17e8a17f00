using Microsoft.Extensions.Options;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.App.Configuration;

/// <summary>The channels from configuration, and their secrets, kept apart from the definitions the rest of the app sees.</summary>
internal sealed class ConfigurationChannelCatalog : IChannelCatalog, IChannelSecrets
{
    private readonly Dictionary<string, ChannelDefinition> _byId;
    private readonly Dictionary<string, ChannelOptions> _options;

    public ConfigurationChannelCatalog(IOptions<MonitorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.Channels.ToDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
        var monitor = options.Value;
        All = monitor.Channels.Select(c => ToDefinition(monitor, c)).ToList();
        _byId = All.ToDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<ChannelDefinition> All { get; }

    public ChannelDefinition? Find(string channelId) => _byId.GetValueOrDefault(channelId);

    public string? GetWebhookSecret(string channelId) => _options.GetValueOrDefault(channelId)?.WebhookSecret is { Length: > 0 } s ? s : null;

    public string? GetAccessToken(string channelId) => _options.GetValueOrDefault(channelId)?.AccessToken is { Length: > 0 } s ? s : null;

    public string? GetClientSecret(string channelId) => _options.GetValueOrDefault(channelId)?.ClientSecret is { Length: > 0 } s ? s : null;

    /// <summary>The vault secret that holds a channel's secret: its <c>AccessTokenSecretName</c> for <c>AccessToken</c>.</summary>
    public string? GetVaultSecretName(string channelId, string secret) =>
        secret == nameof(ChannelOptions.AccessToken) && _options.GetValueOrDefault(channelId)?.AccessTokenSecretName is { Length: > 0 } name ? name : null;

    public string? GetWebhookVerifyToken(string channelId) => _options.GetValueOrDefault(channelId)?.WebhookVerifyToken is { Length: > 0 } s ? s : null;

    private static ChannelDefinition ToDefinition(MonitorOptions monitor, ChannelOptions o)
    {
        return new ChannelDefinition
        {
            Id = o.Id,
            Name = string.IsNullOrWhiteSpace(o.Name) ? o.Id : o.Name,
            Kind = o.Kind,
            Enabled = o.Enabled,
            BrandAuthorIds = o.BrandAuthorIds.ToHashSet(StringComparer.Ordinal),
            Brand = string.IsNullOrWhiteSpace(o.Brand) ? monitor.Brand : o.Brand,
            Language = Domain.Warnings.WarningTexts.Normalize(string.IsNullOrWhiteSpace(o.Language) ? monitor.Language : o.Language),
            BusinessHours = (o.BusinessHours ?? monitor.BusinessHours) is { IsEmpty: false } hours ? hours.ToBusinessHours() : null,
            Warnings = o.Warnings,
            Exclusions = ExclusionOptions.Resolve(monitor.Exclusions, o.Exclusions),
            Settings = o.PlatformSettings(),
            Retention = Retention(o, monitor),
            PollInterval = o.PollInterval,
        };
    }

    private static Domain.Privacy.RetentionPolicy Retention(ChannelOptions channel, MonitorOptions monitor)
    {
        var brand = string.IsNullOrWhiteSpace(channel.Brand) ? monitor.Brand : channel.Brand;
        var days = channel.RetentionDays ?? (monitor.Retention.Brands.TryGetValue(brand, out var brandDays) ? brandDays : monitor.Retention.Days);
        return new Domain.Privacy.RetentionPolicy(TimeSpan.FromDays(days), TimeSpan.FromDays(monitor.Retention.DeliveryDays));
    }
}
