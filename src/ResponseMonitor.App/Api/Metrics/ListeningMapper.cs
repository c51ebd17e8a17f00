using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Metrics;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.App.Api.Metrics;

/// <summary>Listening scores as the API shows them: on <c>/api/metrics</c> for its window, on the dashboard over 7 and 30 days from the snapshots.</summary>
internal static class ListeningMapper
{
    public static ListeningDto Map(ListeningScore s, int? days) => new(
        days,
        s.Score,
        s.PostsPublished,
        s.CommentsReceived,
        s.Answered,
        Round(s.ShareAnswered),
        s.AnsweredWithinTarget,
        Round(s.ShareAnsweredWithinTarget),
        s.Target?.TotalSeconds,
        Seconds(s.MedianFirstResponse),
        Seconds(s.MedianFirstResponseBusiness),
        s.LeftWaitingPastNextPost,
        s.Listened,
        new VeryResponsiveDto(s.AnsweredWithin15Minutes, Round(s.ShareAnsweredWithin15Minutes), ListeningScore.VeryResponsiveShare, s.VeryResponsive));

    /// <summary>A channel's 7- and 30-day scores from its latest analysis; empty before the first.</summary>
    public static IReadOnlyList<ListeningDto> Dashboard(ChannelDefinition channel, ChannelSnapshot? snapshot) =>
        snapshot is null
            ? []
            : [.. Windows(snapshot).Select(w => Map(w.Sample.Summarize(ListeningCalculator.TargetOf(channel)), w.Days))];

    /// <summary>Each brand's channels pooled, over the same two windows.</summary>
    public static IReadOnlyList<BrandListeningDto> Brands(IReadOnlyList<ChannelDefinition> channels, IReadOnlyDictionary<string, ChannelSnapshot> snapshots) =>
    [
        .. channels
            .GroupBy(c => c.Brand, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var analysed = g.Select(c => snapshots.GetValueOrDefault(c.Id)).OfType<ChannelSnapshot>().ToList();
                var target = MetricsService.CommonTarget(g);
                IReadOnlyList<ListeningDto> scores = analysed.Count == 0
                    ? []
                    : [.. new[] { 7, 30 }.Select(days => Map(ListeningSample.Merge(analysed.SelectMany(Windows).Where(w => w.Days == days).Select(w => w.Sample)).Summarize(target), days))];
                return new BrandListeningDto(g.Key, g.Count(), scores);
            }),
    ];

    private static IEnumerable<(int Days, ListeningSample Sample)> Windows(ChannelSnapshot snapshot)
    {
        if (snapshot.Listening7 is { } week)
        {
            yield return (7, week);
        }

        if (snapshot.Listening30 is { } month)
        {
            yield return (30, month);
        }
    }

    private static double? Round(double? share) => share is { } s ? Math.Round(s, 4) : null;

    private static double? Seconds(TimeSpan? span) => span is { } s ? Math.Round(s.TotalSeconds, 3) : null;
}
