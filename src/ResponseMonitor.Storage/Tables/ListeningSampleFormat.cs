using System.Globalization;
using ResponseMonitor.Domain.Metrics;

namespace ResponseMonitor.Storage.Tables;

/// <summary>
/// A listening sample in one string property of the snapshot row: "posts,received,answered,withinTarget,within15,
/// leftPastPost,listened|wall ms;…|business ms;…". First responses beyond <see cref="MaxDurations"/> are kept as evenly
/// spaced order statistics, so the row stays far inside the 32 K characters a property holds: medians read back are exact
/// up to that many first responses in the window, and within a 500th of the rank beyond (docs/METRICS.md).
/// </summary>
internal static class ListeningSampleFormat
{
    public const int MaxDurations = 500;

    public static string? Write(ListeningSample? sample)
    {
        if (sample is null)
        {
            return null;
        }

        var counts = string.Join(',', new[] { sample.Posts, sample.Received, sample.Answered, sample.AnsweredWithinTarget, sample.AnsweredWithin15Minutes, sample.LeftWaitingPastNextPost, sample.Listened }.Select(n => n.ToString(CultureInfo.InvariantCulture)));
        return string.Join('|', counts, Durations(sample.FirstResponses.Select(r => r.Wall)), Durations(sample.FirstResponses.Select(r => r.Business)));
    }

    public static ListeningSample? Read(string? text)
    {
        var parts = (text ?? "").Split('|');
        if (parts.Length != 3)
        {
            return null;
        }

        var counts = parts[0].Split(',').Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray();
        if (counts.Length != 7)
        {
            return null;
        }

        var sample = new ListeningSample
        {
            Posts = counts[0],
            Received = counts[1],
            Answered = counts[2],
            AnsweredWithinTarget = counts[3],
            AnsweredWithin15Minutes = counts[4],
            LeftWaitingPastNextPost = counts[5],
            Listened = counts[6],
        };
        var wall = Parse(parts[1]);
        var business = Parse(parts[2]);
        for (var i = 0; i < Math.Min(wall.Count, business.Count); i++)
        {
            // Each list is sorted on its own; only their medians are read, so the pairing does not matter.
            sample.FirstResponses.Add((wall[i], business[i]));
        }

        return sample;
    }

    private static string Durations(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Order().ToList();
        if (sorted.Count > MaxDurations)
        {
            sorted = [.. Enumerable.Range(0, MaxDurations).Select(i => sorted[(int)Math.Round(i * (sorted.Count - 1) / (double)(MaxDurations - 1))])];
        }

        return string.Join(';', sorted.Select(d => ((long)d.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)));
    }

    private static List<TimeSpan> Parse(string text) =>
    [
        .. text.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => long.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null)
            .OfType<TimeSpan>(),
    ];
}
