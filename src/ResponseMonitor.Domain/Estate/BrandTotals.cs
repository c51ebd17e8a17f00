using ResponseMonitor.Domain.Metrics;

namespace ResponseMonitor.Domain.Estate;

/// <summary>
/// One brand's channels pooled: how many it has and its listening score over 7 and 30 days from their latest analyses
/// (docs/METRICS.md). Both scores are null until one of its channels has been analysed.
/// </summary>
/// <param name="Brand">The brand, as the first of its channels spells it.</param>
/// <param name="Channels">Its configured channels.</param>
/// <param name="Week">Its listening score over the last 7 days.</param>
/// <param name="Month">Its listening score over the last 30 days.</param>
public sealed record BrandTotals(string Brand, int Channels, ListeningScore? Week, ListeningScore? Month);
