using Microsoft.Extensions.Options;
using ResponseMonitor.App.Configuration;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ingestion;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.App.Api.Webhooks;

/// <summary>What receiving a push uses, bound from services as one <c>[AsParameters]</c> argument.</summary>
internal sealed record WebhookServices(
    IChannelCatalog Catalog,
    IChannelSecrets Secrets,
    IngestionService Ingestion,
    ItemStateService ItemStates,
    IAnalysisQueue Queue,
    PlatformRegistry Platforms,
    IOptions<ApiOptions> Options,
    TimeProvider Time,
    ILoggerFactory Loggers);
