using ResponseMonitor.Domain.Analysis;

namespace ResponseMonitor.Domain.Metrics;

/// <summary>
/// The raw counts behind a <see cref="ListeningScore"/>. Channels merge at this level, so a brand's score and median
/// come from all its messages and responses, never from an average of channel figures.
/// </summary>
public sealed class ListeningSample
{
    /// <summary>The brand's own posts published in the window.</summary>
    public int Posts { get; set; }

    /// <summary>Public messages of the window that need an answer.</summary>
    public int Received { get; set; }

    /// <summary>Of those, answered by the window's end.</summary>
    public int Answered { get; set; }

    /// <summary>Answered within the channel's response target, in business time.</summary>
    public int AnsweredWithinTarget { get; set; }

    /// <summary>Answered within 15 minutes of wall time.</summary>
    public int AnsweredWithin15Minutes { get; set; }

    /// <summary>Still unanswered when the brand published its next post.</summary>
    public int LeftWaitingPastNextPost { get; set; }

    /// <summary>Answered within the target and before the brand's next post.</summary>
    public int Listened { get; set; }

    /// <summary>First responses of the window's threads, wall and business time.</summary>
    public List<(TimeSpan Wall, TimeSpan Business)> FirstResponses { get; } = [];

    /// <summary>Adds samples up, channels into their brand.</summary>
    public static ListeningSample Merge(IEnumerable<ListeningSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var merged = new ListeningSample();
        foreach (var s in samples)
        {
            merged.Posts += s.Posts;
            merged.Received += s.Received;
            merged.Answered += s.Answered;
            merged.AnsweredWithinTarget += s.AnsweredWithinTarget;
            merged.AnsweredWithin15Minutes += s.AnsweredWithin15Minutes;
            merged.LeftWaitingPastNextPost += s.LeftWaitingPastNextPost;
            merged.Listened += s.Listened;
            merged.FirstResponses.AddRange(s.FirstResponses);
        }

        return merged;
    }

    /// <param name="target">The response target the within-target counts were judged against; null when channels differ.</param>
    public ListeningScore Summarize(TimeSpan? target)
    {
        var wall = FirstResponses.Select(r => r.Wall).Order().ToList();
        var business = FirstResponses.Select(r => r.Business).Order().ToList();
        return new ListeningScore(
            Posts,
            Received,
            Answered,
            AnsweredWithinTarget,
            target,
            Percentile.Of(wall, 0.5),
            Percentile.Of(business, 0.5),
            LeftWaitingPastNextPost,
            Listened,
            AnsweredWithin15Minutes);
    }
}
