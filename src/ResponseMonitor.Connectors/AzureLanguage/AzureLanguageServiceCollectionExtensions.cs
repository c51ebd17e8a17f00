using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using ResponseMonitor.Domain.Critics;

namespace ResponseMonitor.Connectors.AzureLanguage;

/// <summary>Registration of the Azure AI Language critic backend.</summary>
public static class AzureLanguageServiceCollectionExtensions
{
    /// <summary>Azure AI Language as the critic backend; its endpoint and key are checked at start-up.</summary>
    public static IServiceCollection AddAzureLanguage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AzureLanguageOptions>()
            .Bind(configuration.GetSection(AzureLanguageOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.Endpoint is { IsAbsoluteUri: true } e && (e.Scheme == Uri.UriSchemeHttps || e.IsLoopback), "Critics:AzureLanguage:Endpoint must be an https URL (http only on loopback).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ApiKey), "Critics:AzureLanguage:ApiKey is required: set it, or a Key Vault reference to it.")
            .ValidateOnStart();

        // No request logging: the key travels in a header.
        services.AddHttpClient(AzureLanguageCriticDetector.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddResilienceHandler("azure-language", (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<AzureLanguageOptions>>().Value;
                builder.AddTimeout(options.Timeout);
                builder.AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.FromMilliseconds(500), BackoffType = DelayBackoffType.Exponential, UseJitter = true });
            });
        services.AddSingleton<ICriticClassifier, AzureLanguageCriticDetector>();
        return services;
    }
}
