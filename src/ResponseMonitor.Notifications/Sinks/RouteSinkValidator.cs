using Microsoft.Extensions.Options;
using ResponseMonitor.Domain.Notifications;

namespace ResponseMonitor.Notifications.Sinks;

/// <summary>Start-up check that every route names a configured sink, so a typo cannot silently drop warnings.</summary>
internal sealed class RouteSinkValidator(IOptions<NotificationSinksOptions> sinks) : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var known = sinks.Value.Effective();
        var failures = options.Routes
            .SelectMany((route, i) => route.Sinks.Where(s => !known.ContainsKey(s)).Select(s => $"Notifications:Routes:{i} names sink '{s}', which is not configured (configured: {string.Join(", ", known.Keys)})."))
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
