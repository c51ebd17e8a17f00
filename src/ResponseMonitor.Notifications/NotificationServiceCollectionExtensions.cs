using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Warnings;
using ResponseMonitor.Notifications.Webhook;

namespace ResponseMonitor.Notifications;

public static class NotificationServiceCollectionExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>()
            .Bind(configuration.GetSection(NotificationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient(WebhookWarningNotifier.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<IWarningNotifier, WebhookWarningNotifier>();
        return services;
    }
}
