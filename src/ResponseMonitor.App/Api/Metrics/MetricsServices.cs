using Microsoft.Extensions.Options;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Metrics;

namespace ResponseMonitor.App.Api.Metrics;

/// <summary>What the metrics routes use, bound from services as one <c>[AsParameters]</c> argument.</summary>
internal sealed record MetricsServices(IChannelCatalog Catalog, MetricsService Metrics, IOptions<AnalysisOptions> Analysis, TimeProvider Time);
