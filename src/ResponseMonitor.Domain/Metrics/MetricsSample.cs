namespace ResponseMonitor.Domain.Metrics;

/// <summary>
/// The raw figures behind <see cref="ResponseMetrics"/>. Channels merge at this level, so a brand's median is the
/// median of all its responses, never a median of channel medians.
/// </summary>
internal sealed class MetricsSample
{
    public int Answerable { get; set; }

    public int Answered { get; set; }

    public List<(TimeSpan Wall, TimeSpan Business)> FirstResponses { get; } = [];

    public List<(TimeSpan Wall, TimeSpan Business)> NextResponses { get; } = [];

    public List<(TimeSpan Wall, TimeSpan Business)> UnansweredAges { get; } = [];

    public Dictionary<ExclusionReason, int> Excluded { get; } = [];

    public static MetricsSample Merge(IEnumerable<MetricsSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var merged = new MetricsSample();
        foreach (var sample in samples)
        {
            merged.Answerable += sample.Answerable;
            merged.Answered += sample.Answered;
            merged.FirstResponses.AddRange(sample.FirstResponses);
            merged.NextResponses.AddRange(sample.NextResponses);
            merged.UnansweredAges.AddRange(sample.UnansweredAges);
            foreach (var (reason, count) in sample.Excluded)
            {
                merged.Excluded[reason] = merged.Excluded.GetValueOrDefault(reason) + count;
            }
        }

        return merged;
    }

    public ResponseMetrics Summarize() => new(
        Answerable,
        Answered,
        Answerable == 0 ? null : (double)Answered / Answerable,
        TimedSummary.Of(FirstResponses),
        TimedSummary.Of(NextResponses),
        TimedSummary.Of(UnansweredAges),
        new Dictionary<ExclusionReason, int>(Excluded));
}
