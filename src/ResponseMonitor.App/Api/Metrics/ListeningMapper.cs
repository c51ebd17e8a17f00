using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Estate;
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

    /// <summary>Each brand's channels pooled, over the same two windows (<see cref="EstateTotals"/>).</summary>
    public static IReadOnlyList<BrandListeningDto> Brands(IReadOnlyList<BrandTotals> brands) =>
    [
        .. brands.Select(b => new BrandListeningDto(b.Brand, b.Channels, b is { Week: { } week, Month: { } month } ? [Map(week, 7), Map(month, 30)] : [])),
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
