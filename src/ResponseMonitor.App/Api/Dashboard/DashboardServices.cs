using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Critics.Learning;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.App.Api.Dashboard;

/// <summary>What the dashboard's reads use, bound from services as one <c>[AsParameters]</c> argument.</summary>
internal sealed record DashboardServices(
    ApiReadCache Cache,
    IChannelCatalog Catalog,
    ISnapshotStore Snapshots,
    IChannelStateStore States,
    IWarningStore Warnings,
    IOpenCommentStore Open,
    ICriticClassifier Detector,
    CriticModelService Models,
    Domain.Estate.EstateTotalsService Totals,
    TimeProvider Time);
