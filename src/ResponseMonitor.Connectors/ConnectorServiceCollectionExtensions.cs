using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using ResponseMonitor.Connectors.GenericFeed;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors;

public static class ConnectorServiceCollectionExtensions
{
    public static IServiceCollection AddConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConnectorOptions>()
            .Bind(configuration.GetSection(ConnectorOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.AttemptTimeout < o.TotalTimeout, "Connectors:AttemptTimeout must be shorter than Connectors:TotalTimeout.")
            .ValidateOnStart();

        services.AddHttpClient(GenericFeedConnector.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("feed", (builder, context) =>
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

        services.AddSingleton<Meta.InstagramUsernames>();
        services.AddSingleton<IChannelConnector, GenericFeedConnector>();
        services.AddSingleton<IChannelConnector, Mastodon.MastodonConnector>();
        services.AddSingleton<IChannelConnector, Bluesky.BlueskyConnector>();
        services.AddSingleton<IChannelConnector, YouTube.YouTubeConnector>();
        services.AddSingleton<IChannelConnector, Reddit.RedditConnector>();
        services.AddSingleton<IChannelConnector, X.XConnector>();
        services.AddSingleton<IChannelConnector, Meta.FacebookPageConnector>();
        services.AddSingleton<IChannelConnector, Meta.InstagramConnector>();
        return services;
    }
}
