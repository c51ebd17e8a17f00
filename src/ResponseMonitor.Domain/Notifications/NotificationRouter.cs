using Microsoft.Extensions.Options;
using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Notifications;

/// <summary>Which sinks hear about a warning: the union of the matching routes; with no routes, every sink.</summary>
public sealed class NotificationRouter(IOptions<NotificationOptions> options, INotificationSinkCatalog sinks)
{
    /// <summary>The sinks a warning of the brand goes to: those of every matching route, or all when no route is configured.</summary>
    public IReadOnlyList<string> SinksFor(string brand, WarningRecord warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var routes = options.Value.Routes;
        if (routes.Count == 0)
        {
            return sinks.Sinks.Select(s => s.Name).ToList();
        }

        return routes
            .Where(r => r.Matches(brand, warning.ChannelId, warning.Rule, warning.Severity))
            .SelectMany(r => r.Sinks)
            .Where(name => sinks.Find(name) is not null)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
