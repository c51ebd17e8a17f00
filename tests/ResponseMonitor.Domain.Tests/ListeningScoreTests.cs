using ResponseMonitor.Domain.Calendar;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Metrics;
using ResponseMonitor.Domain.Warnings;
using static ResponseMonitor.Domain.Tests.Items;

namespace ResponseMonitor.Domain.Tests;

/// <summary>The listening score's worked example of docs/METRICS.md, counted by hand.</summary>
public sealed class ListeningScoreTests
{
    private static readonly LexiconCriticClassifier Critics = new();

    private static ChannelDefinition Shop(BusinessHours? hours = null) => Channel("brand") with
    {
        BusinessHours = hours,
        Warnings = new WarningRuleSettings { ResponseTarget = TimeSpan.FromHours(2) },
    };

    /// <summary>Three posts and six public comments; hours from Saturday 2026-01-10 00:00 UTC.</summary>
    private static ContentItem[] Example() =>
    [
        Post("P1", "brand", 1),
        Comment("a", "P1", "u1", 2, "Do you ship to Spain?"), Comment("ra", "a", "brand", 2 + (10 / 60.0), "Yes"),  // 10 min: listened
        Comment("b", "P1", "u2", 3, "Where is my order?"), Comment("rb", "b", "brand", 6, "On its way"),            // 3 h: past the 2 h target
        Comment("c", "P1", "u3", 9, "Is anyone there?"),                                                              // never answered; P2 at 10
        Post("P2", "brand", 10),
        Comment("d", "P2", "u4", 11, "Price for two?"),
        Post("P3", "brand", 15),
        Comment("rd", "d", "brand", 20, "40 euros"),                                                                  // answered after P3
        Comment("e", "P2", "u5", 30, "Thanks!"),                                                                      // needs no answer
        Comment("f", "P2", "u6", 40, "Open on Sunday?"), Comment("rf", "f", "brand", 41, "Yes, 10 to 14"),           // 1 h: listened
    ];

    private static ListeningScore Score(ChannelDefinition channel, IEnumerable<ContentItem> items, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var window = MetricsWindow.Create(from, to, now);
        var clock = ResponseClock.Run(channel, Resolve(channel, [.. items]).Where(i => i.CreatedAt <= window.AsOf), t => Critics.Classify(t).IsCritical);
        return ListeningCalculator.Sample(channel, clock, window).Summarize(ListeningCalculator.TargetOf(channel));
    }

    [Fact]
    public void Worked_example_over_a_week()
    {
        var now = Day.AddDays(7);
        var s = Score(Shop(), Example(), Day, now, now);

        // Posts P1, P2, P3; received a, b, c, d, f (e is a thank-you); answered a, b, d, f.
        Assert.Equal((3, 5, 4), (s.PostsPublished, s.CommentsReceived, s.Answered));
        Assert.Equal(0.8, s.ShareAnswered);
        // Within 2 h: a (10 min) and f (1 h).
        Assert.Equal((2, 0.4), (s.AnsweredWithinTarget, s.ShareAnsweredWithinTarget));
        // First responses 10 min, 1 h, 3 h, 9 h: median (1 h + 3 h) / 2.
        Assert.Equal(TimeSpan.FromHours(2), s.MedianFirstResponse);
        // c waited past P2 unanswered, d was answered only after P3.
        Assert.Equal(2, s.LeftWaitingPastNextPost);
        // Listened: a and f, 2 of 5.
        Assert.Equal((2, 40.0), (s.Listened, s.Score));
        // Meta's badge: only a within 15 minutes, 20 % against 90 %.
        Assert.Equal((1, 0.2, false), (s.AnsweredWithin15Minutes, s.ShareAnsweredWithin15Minutes, s.VeryResponsive));
    }

    [Fact]
    public void A_past_window_is_judged_as_of_its_end()
    {
        // [00:00, 12:00): P1 and P2; a, b, c, d. d's answer (20:00) and P3 (15:00) come after the window, so d is
        // unanswered but not yet left waiting past a post.
        var s = Score(Shop(), Example(), Day, Day.AddHours(12), Day.AddDays(7));
        Assert.Equal((2, 4, 2, 1, 1, 1), (s.PostsPublished, s.CommentsReceived, s.Answered, s.AnsweredWithinTarget, s.LeftWaitingPastNextPost, s.Listened));
        Assert.Equal(25.0, s.Score);
    }

    [Fact]
    public void Window_edges_include_the_start_and_leave_out_the_end()
    {
        // Starting at hour 2 keeps a (at 02:00) and leaves P1 (01:00) out; ending at 11:00 leaves d out.
        var s = Score(Shop(), Example(), Day.AddHours(2), Day.AddHours(11), Day.AddDays(7));
        Assert.Equal((1, 3), (s.PostsPublished, s.CommentsReceived));
    }

    [Fact]
    public void The_target_counts_business_time()
    {
        // Open 09:00–17:00. A question at 16:30 answered at 09:30 the next day waited 17 h on the wall but 1 business
        // hour: within the 2 h target, far from Meta's 15 minutes.
        var open = new List<OpeningInterval> { OpeningInterval.Parse("09:00-17:00") };
        var hours = new BusinessHours(TimeZoneInfo.Utc, Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<OpeningInterval>)open), new HashSet<DateOnly>());
        var s = Score(Shop(hours), [Post("P", "brand", 8), Comment("q", "P", "u1", 16.5, "Do you deliver?"), Comment("r", "q", "brand", 33.5, "Yes")], Day, Day.AddDays(2), Day.AddDays(2));
        Assert.Equal((1, 1, 0, 100.0), (s.Answered, s.AnsweredWithinTarget, s.AnsweredWithin15Minutes, s.Score));
        Assert.Equal(TimeSpan.FromHours(1), s.MedianFirstResponseBusiness);
        Assert.Equal(TimeSpan.FromHours(17), s.MedianFirstResponse);
    }

    [Fact]
    public void Answering_within_15_minutes_nine_times_in_ten_meets_metas_very_responsive_mark()
    {
        var items = new List<ContentItem> { Post("P", "brand", 0) };
        for (var i = 0; i < 10; i++)
        {
            // Nine answered after 15 minutes exactly (it counts), the tenth after 16.
            items.Add(Comment($"q{i}", "P", $"u{i}", 1 + i, "Question?"));
            items.Add(Comment($"r{i}", $"q{i}", "brand", 1 + i + ((i == 9 ? 16 : 15) / 60.0), "Answer"));
        }

        var s = Score(Shop(), items, Day, Day.AddDays(7), Day.AddDays(7));
        Assert.Equal((9, 0.9, true), (s.AnsweredWithin15Minutes, s.ShareAnsweredWithin15Minutes, s.VeryResponsive));
    }

    [Fact]
    public void A_brand_pools_its_channels_messages_rather_than_averaging_their_scores()
    {
        var now = Day.AddDays(7);
        var window = MetricsWindow.Create(Day, now, now);
        var one = Shop();
        var two = Shop() with { Id = "c2" };
        ListeningSample Sample(ChannelDefinition channel, params ContentItem[] items) =>
            ListeningCalculator.Sample(channel, ResponseClock.Run(channel, Resolve(channel, items), _ => false), window);

        // One channel listened to its one message (100), the other to none of three (0): the brand is 1 of 4 = 25, not 50.
        var first = Sample(one, Post("P", "brand", 0), Comment("q", "P", "u1", 1, "Hi?"), Comment("r", "q", "brand", 1.1, "Hello"));
        var second = Sample(two, Post("P", "brand", 0), Comment("x", "P", "u1", 1, "Hi?"), Comment("y", "P", "u2", 2, "Hello?"), Comment("z", "P", "u3", 3, "Anyone?"));
        Assert.Equal((100.0, 0.0), (first.Summarize(null).Score, second.Summarize(null).Score));
        Assert.Equal(25.0, ListeningSample.Merge([first, second]).Summarize(null).Score);
    }

    [Fact]
    public void No_message_means_no_score_rather_than_zero()
    {
        var s = Score(Shop(), [Post("P", "brand", 1)], Day, Day.AddDays(7), Day.AddDays(7));
        Assert.Equal((1, 0), (s.PostsPublished, s.CommentsReceived));
        Assert.Null(s.Score);
        Assert.Null(s.VeryResponsive);
    }
}
