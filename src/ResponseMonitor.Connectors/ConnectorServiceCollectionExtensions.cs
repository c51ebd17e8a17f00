using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors;

/// <summary>Registration of the platforms' connectors and the services they share.</summary>
public static class ConnectorServiceCollectionExtensions
{
    /// <summary>Every platform this program reads: one line each (docs/ARCHITECTURE.md, "Adding a platform").</summary>
    public static IServiceCollection AddConnectors(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPlatformServices(configuration)
            .AddPlatform<GenericFeed.GenericFeedPlatform>()
            .AddPlatform<Mastodon.MastodonPlatform>()
            .AddPlatform<Bluesky.BlueskyPlatform>()
            .AddPlatform<YouTube.YouTubePlatform>()
            .AddPlatform<Reddit.RedditPlatform>()
            .AddPlatform<X.XPlatform>()
            .AddPlatform<Meta.FacebookPagePlatform>()
            .AddPlatform<Meta.InstagramPlatform>()
            .AddPlatform<Threads.ThreadsPlatform>()
            .AddPlatform<TikTok.TikTokPlatform>()
            .AddPlatform<LinkedIn.LinkedInPlatform>();

    /// <summary>Registers one platform: its descriptor, what its parts share, and its connector, whose pages carry its credential news.</summary>
    public static IServiceCollection AddPlatform<TPlatform>(this IServiceCollection services)
        where TPlatform : class, IChannelPlatform, new()
    {
        if (services.Any(d => d.ServiceType == typeof(IChannelPlatform) && d.ImplementationInstance is TPlatform))
        {
            return services;
        }

        var platform = new TPlatform();
        services.AddSingleton<IChannelPlatform>(platform);
        platform.AddServices(services);
        services.AddSingleton<IChannelConnector>(sp => new CredentialNewsConnector(platform.CreateConnector(sp), sp.GetRequiredService<PlatformServices>().Credentials));
        return services;
    }

    /// <summary>What every platform shares: connector options, the resilient HTTP client, <see cref="PlatformServices"/> and the registry.</summary>
    public static IServiceCollection AddPlatformServices(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(PlatformRegistry)))
        {
            return services;
        }

        services.AddOptions<ConnectorOptions>()
            .Bind(configuration.GetSection(ConnectorOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.AttemptTimeout < o.TotalTimeout, "Connectors:AttemptTimeout must be shorter than Connectors:TotalTimeout.")
            .ValidateOnStart();

        services.AddHttpClient(PlatformServices.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("platform", (builder, context) =>
            {
                // Retry and timeouts only: a circuit breaker shared by every channel would let one broken feed stall the rest.
                var options = context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
                builder.AddTimeout(options.TotalTimeout);
                builder.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, options.MaxRetryAttempts),
                    ShouldHandle = options.MaxRetryAttempts == 0 ? _ => ValueTask.FromResult(false) : new HttpRetryStrategyOptions().ShouldHandle,
                    Delay = options.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                });
                builder.AddTimeout(options.AttemptTimeout);
            });

        services.TryAddSingleton<PlatformServices>();
        services.TryAddSingleton<ISecretWriter, NoSecretWriter>();
        services.TryAddSingleton<RotatedSecrets>();
        services.TryAddSingleton<PlatformRegistry>();
        services.TryAddSingleton<IDeletionPolicy>(sp => sp.GetRequiredService<PlatformRegistry>());
        return services;
    }
}
