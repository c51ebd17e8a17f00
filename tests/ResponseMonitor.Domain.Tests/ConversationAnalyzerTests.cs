using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Critics;
using static ResponseMonitor.Domain.Tests.Items;

namespace ResponseMonitor.Domain.Tests;

/// <summary>The worked examples of docs/METRICS.md, computed by hand.</summary>
public sealed class ConversationAnalyzerTests
{
    private static readonly ConversationAnalyzer Analyzer = new();

    private static readonly LexiconCriticClassifier Critics = new();

    [Fact]
    public void Worked_example_runs_threads_and_percentiles()
    {
        var channel = Channel("brand");
        var items = Resolve(
            channel,
            Post("P", "brand", 0),
            Comment("A", "P", "u1", 1),       // thread A starts
            Comment("B", "A", "u2", 1.5),     // same run
            Comment("R1", "B", "brand", 3),   // answers A and B: first response 2 h
            Comment("C", "R1", "u1", 4),      // new run in thread A
            Comment("R2", "C", "brand", 4.75), // next response 45 min
            Comment("D", "P", "u3", 5),       // thread D: open
            Comment("E", "P", "u4", 6),       // thread E
            Comment("F", "E", "brand", 10),   // first response 4 h
            Comment("G", "P", "u5", 11));     // thread G: open
        var now = Day.AddHours(12);

        var analysis = Analyzer.Analyze(channel, items, now, now.AddDays(-30), Critics);

        Assert.Equal(["D", "G"], analysis.Open.Select(o => o.Item.Id));
        Assert.Equal(Day.AddHours(5), analysis.Statistics.OldestOpenSince);
        Assert.Equal(TimeSpan.FromHours(7), analysis.Open[0].AgeAt(now));

        var responses = analysis.Responses.OrderBy(r => r.RespondedAt).ToList();
        Assert.Equal(3, responses.Count);
        Assert.Equal(("A", TimeSpan.FromHours(2), true, 2), (responses[0].ThreadId, responses[0].Duration, responses[0].IsFirst, responses[0].MessagesAnswered));
        Assert.Equal(("A", TimeSpan.FromMinutes(45), false, 1), (responses[1].ThreadId, responses[1].Duration, responses[1].IsFirst, responses[1].MessagesAnswered));
        Assert.Equal(("E", TimeSpan.FromHours(4), true, 1), (responses[2].ThreadId, responses[2].Duration, responses[2].IsFirst, responses[2].MessagesAnswered));

        // First responses 2 h and 4 h: median 3 h; p90 = 2 h + 0.9 × 2 h = 3.8 h.
        Assert.Equal(2, analysis.Statistics.FirstResponseCount);
        Assert.Equal(TimeSpan.FromHours(3), analysis.Statistics.MedianFirstResponse);
        Assert.Equal(TimeSpan.FromHours(3.8), analysis.Statistics.P90FirstResponse);

        // Answerable: A B C D E G; answered: A B C E.
        Assert.Equal(6, analysis.Statistics.AnswerableCount);
        Assert.Equal(4, analysis.Statistics.AnsweredCount);
        Assert.Equal(4.0 / 6.0, analysis.Statistics.ResponseRate);
    }

    [Fact]
    public void A_visitor_post_is_answerable_and_its_comments_share_its_thread()
    {
        var channel = Channel("brand");
        var items = Resolve(
            channel,
            Post("V", "visitor", 0, "Is anyone there?"),
            Comment("W", "V", "u2", 1, "Same question"),
            Comment("R", "W", "brand", 3, "Yes, sorry for the wait"));
        var now = Day.AddHours(4);

        var analysis = Analyzer.Analyze(channel, items, now, now.AddDays(-30), Critics);

        Assert.Empty(analysis.Open);
        var response = Assert.Single(analysis.Responses);
        Assert.Equal(("V", TimeSpan.FromHours(3), 2), (response.ThreadId, response.Duration, response.MessagesAnswered));
    }

    [Fact]
    public void Brand_items_with_nothing_waiting_answer_no_one_and_are_never_open()
    {
        var channel = Channel("brand", "brand-support");
        var items = Resolve(
            channel,
            Post("P", "brand", 0),
            Comment("S", "P", "brand-support", 1, "Follow-up from the brand"),
            Comment("Q", "P", "u1", 2),
            Comment("R", "Q", "brand-support", 2.5),
            Comment("R-again", "Q", "brand", 3, "And one more thing"));
        var now = Day.AddHours(4);

        var analysis = Analyzer.Analyze(channel, items, now, now.AddDays(-30), Critics);

        Assert.Empty(analysis.Open);
        var response = Assert.Single(analysis.Responses);
        Assert.Equal(TimeSpan.FromMinutes(30), response.Duration);
        Assert.Equal(1, analysis.Statistics.AnswerableCount);
        Assert.Equal(1.0, analysis.Statistics.ResponseRate);
    }

    [Fact]
    public void Open_messages_older_than_the_window_stay_open_but_leave_rates_alone()
    {
        var channel = Channel("brand");
        var now = Day.AddDays(40);
        var windowStart = now.AddDays(-30);
        var items = Resolve(
            channel,
            Post("P", "brand", 0),
            Comment("Old", "P", "u1", 1),               // 40 days old, never answered
            Comment("Early", "P", "u2", 2),
            Comment("EarlyAnswer", "Early", "brand", 3), // answered before the window
            Comment("New", "P", "u3", 24 * 35));         // inside the window, open

        var analysis = Analyzer.Analyze(channel, items, now, windowStart, Critics);

        Assert.Equal(["Old", "New"], analysis.Open.Select(o => o.Item.Id));
        Assert.Equal(0, analysis.Statistics.FirstResponseCount);
        Assert.Null(analysis.Statistics.MedianFirstResponse);
        Assert.Equal(1, analysis.Statistics.AnswerableCount);
        Assert.Equal(0.0, analysis.Statistics.ResponseRate);
    }

    [Fact]
    public void The_same_item_twice_counts_once_and_its_latest_edit_wins()
    {
        var channel = Channel("brand");
        var original = Comment("A", "P", "u1", 1, "Where is my parcel?");
        var edited = original with { Text = "Where is my parcel? Still waiting, worst service!", EditedAt = Day.AddHours(2) };
        var items = Resolve(channel, Post("P", "brand", 0), original).Append(edited with { ThreadId = "A" }).ToList();

        var analysis = Analyzer.Analyze(channel, items, Day.AddHours(3), Day.AddDays(-30), Critics);

        var open = Assert.Single(analysis.Open);
        Assert.Equal(edited.Text, open.Item.Text);
        Assert.True(open.Verdict.IsCritical);
        Assert.Equal(1, analysis.Statistics.CriticalOpenCount);
    }

    [Fact]
    public void A_reply_whose_parent_is_unknown_joins_the_thread_named_by_the_parent()
    {
        var channel = Channel("brand");

        // The parent "X" was never seen; both replies meet in thread "X", and the brand's answer closes both.
        var items = Resolve(
            channel,
            Comment("Y1", "X", "u1", 1),
            Comment("Y2", "X", "u2", 2),
            Comment("B", "X", "brand", 4));

        var analysis = Analyzer.Analyze(channel, items, Day.AddHours(5), Day.AddDays(-30), Critics);

        Assert.Empty(analysis.Open);
        Assert.Equal(TimeSpan.FromHours(3), Assert.Single(analysis.Responses).Duration);
    }
}
