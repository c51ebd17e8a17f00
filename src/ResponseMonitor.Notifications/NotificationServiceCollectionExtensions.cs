using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Notifications.Sinks;

namespace ResponseMonitor.Notifications;

/// <summary>Registration of the notification sinks.</summary>
public static class NotificationServiceCollectionExtensions
{
    /// <summary>Registers the sinks configured under <c>Notifications:Sinks</c>, checked at start-up.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(NotificationOptions.SectionName);
        services.AddOptions<NotificationOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NotificationSinksOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, RouteSinkValidator>();

        // Sink URLs are secrets: this client logs nothing (the default handlers log request URIs).
        services.AddHttpClient(SinkHttp.ClientName, c => c.Timeout = TimeSpan.FromSeconds(15)).RemoveAllLoggers();
        services.AddSingleton<INotificationSinkCatalog, NotificationSinkCatalog>();
        services.AddSingleton<NotificationRouter>();
        services.AddSingleton<NotificationDispatcher>();
        return services;
    }
}
