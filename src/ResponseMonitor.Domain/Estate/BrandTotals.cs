using ResponseMonitor.Domain.Metrics;

namespace ResponseMonitor.Domain.Estate;

/// <summary>
/// One brand's channels pooled: how many it has and its listening score over 7 and 30 days from their latest analyses
/// (docs/METRICS.md). Both scores are null until one of its channels has been analysed.
/// </summary>
public sealed record BrandTotals(string Brand, int Channels, ListeningScore? Week, ListeningScore? Month);
