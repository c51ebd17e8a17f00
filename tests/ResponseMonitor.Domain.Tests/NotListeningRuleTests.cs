using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Calendar;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Handling;
using ResponseMonitor.Domain.Warnings;
using static ResponseMonitor.Domain.Tests.Items;

namespace ResponseMonitor.Domain.Tests;

/// <summary>The not-listening rule against hand-computed windows (docs/WARNINGS.md, "not-listening").</summary>
public sealed class NotListeningRuleTests
{
    private static readonly ConversationAnalyzer Analyzer = new();
    private static readonly LexiconCriticClassifier Critics = new();

    // Day is Saturday 2026-01-10 00:00 UTC; "now" is a week later, so the 7-day window is [Day, Day + 7 d].
    private static readonly DateTimeOffset Now = Day.AddDays(7);

    private static ChannelDefinition Only(string language = "en", BusinessHours? hours = null, double preWarningAt = 0.75) => Channel("brand") with
    {
        Language = language,
        BusinessHours = hours,
        Warnings = new WarningRuleSettings
        {
            ResponseTarget = null,
            PreWarningAt = preWarningAt,
            DisabledRules = [.. WarningRules.All.Where(r => r != WarningRules.NotListening)],
        },
    };

    private static List<WarningCondition> Evaluate(ChannelDefinition channel, DateTimeOffset now, params ContentItem[] items) =>
        [.. WarningEvaluator.Evaluate(new WarningInputs
        {
            Channel = channel,
            Analysis = Analyzer.Analyze(channel, Resolve(channel, items), now, now.AddDays(-30), Critics),
            LastBrandActivity = now,
            MonitoringSince = now.AddDays(-60),
        })];

    /// <summary>Four posts, four comments under them, one answered: 25 % answered, three waiting.</summary>
    private static ContentItem[] LowRate() =>
    [
        Post("P1", "brand", 24), Comment("c1", "P1", "u1", 30, "Do you ship to Spain?"), Comment("r1", "c1", "brand", 31, "Yes!"),
        Post("P2", "brand", 72), Comment("c2", "P2", "u2", 80, "Where is my order?"),
        Post("P3", "brand", 120), Comment("c3", "P3", "u3", 125, "Is the shop open on Sunday?"),
        Post("P4", "brand", 160), Comment("c4", "P4", "u4", 165, "Any discount for students?"),
    ];

    [Fact]
    public void Posting_four_times_while_three_of_four_comments_wait_fires_with_the_figures()
    {
        var warning = Assert.Single(Evaluate(Only(), Now, LowRate()));
        Assert.Equal((WarningRules.NotListening, "c1", WarningSeverity.Warning), (warning.Rule, warning.Subject, warning.Severity));
        // Since the post that made the count of three within the window: P2, the third most recent of four.
        Assert.Equal(Day.AddHours(72), warning.Since);
        var f = warning.Facts!;
        // c2 and c3 came before P4 (hour 160); c4 after it.
        Assert.Equal((4, 3, 4, 1, 2), (f.Posts!.Value, f.Waiting!.Value, f.Received!.Value, f.Answered!.Value, f.WaitingBeforeLatestPost!.Value));
        Assert.Equal(TimeSpan.FromHours(168 - 80), f.Elapsed);    // c2, the oldest waiting: 88 h
        Assert.Equal(
            "The brand posted 4 times in 7 days on Channel one while 3 comments waited; the oldest has waited 3 d 16 h. It answered 1 of the 4 comments of that time (25%, below 50%).",
            warning.Message);
    }

    [Fact]
    public void The_message_is_written_in_every_warning_language()
    {
        string Message(string language) => Assert.Single(Evaluate(Only(language), Now, LowRate())).Message;
        Assert.Equal(
            "La marca publicó 4 veces en 7 días en Channel one mientras 3 comentarios esperaban; el más antiguo lleva 3 d 16 h esperando. Respondió 1 de los 4 comentarios de ese periodo (25 %, por debajo del 50 %).",
            Message("es"));
        Assert.Equal(
            "Die Marke hat in 7 Tagen 4-mal auf Channel one gepostet, während 3 Kommentare warteten; seit 3 T 16 Std. wartet der älteste. Sie hat 1 von 4 Kommentaren dieses Zeitraums beantwortet (25 %, unter 50 %).",
            Message("de"));
        Assert.Equal(
            "La marque a publié 4 fois en 7 jours sur Channel one pendant que 3 commentaires attendaient ; le plus ancien attend depuis 3 j 16 h. Elle a répondu à 1 des 4 commentaires de la période (25 %, sous le seuil de 50 %).",
            Message("fr"));
    }

    [Fact]
    public void Posts_and_comments_count_at_the_window_edges_inclusive()
    {
        // Three posts: one exactly at now − 7 d counts; one a second earlier would not.
        ContentItem[] items = [Post("edge", "brand", 0), Post("P2", "brand", 50), Post("P3", "brand", 100), Comment("old", "P2", "u1", 60, "Hello? Anyone there?")];
        Assert.Equal(3, Assert.Single(Evaluate(Only(preWarningAt: 0), Now, items)).Facts!.Posts);
        Assert.Empty(Evaluate(Only(preWarningAt: 0), Now.AddSeconds(1), items));
    }

    [Fact]
    public void Comments_from_before_the_latest_post_fire_even_when_the_rate_is_high_enough()
    {
        // Answered 2 of 4 (50 %, not below 50 %), but c3 was there when the brand posted at 110 and at 120.
        var warning = Assert.Single(Evaluate(Only(), Now,
            Post("P1", "brand", 100), Comment("c1", "P1", "u1", 90.5, "A question?"), Comment("r1", "c1", "brand", 101),
            Comment("c2", "P1", "u2", 101.5, "And mine?"), Comment("r2", "c2", "brand", 102),
            Comment("c3", "P1", "u3", 105, "Hello, is anyone reading this?"),
            Post("P2", "brand", 110), Post("P3", "brand", 120), Comment("c4", "P3", "u4", 125, "When is the sale?")));
        Assert.Equal((4, 2, 1, 2), (warning.Facts!.Received!.Value, warning.Facts.Answered!.Value, warning.Facts.WaitingBeforeLatestPost!.Value, warning.Facts.Waiting!.Value));
        Assert.EndsWith("1 of them was already waiting when it last posted.", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void It_resolves_when_the_brand_answers_or_stops_posting()
    {
        ContentItem[] answered =
        [
            .. LowRate(),
            Comment("r2", "c2", "brand", 167), Comment("r3", "c3", "brand", 167.1),
        ];
        // 3 of 4 answered (75 %), and only c4, which came after the latest post, waits.
        Assert.Empty(Evaluate(Only(), Now, answered));

        // Nobody answers, but the brand stops posting: a week after P2 only P3 and P4 remain, and with the pre-warning
        // off the count of three is no longer reached.
        Assert.Single(Evaluate(Only(preWarningAt: 0), Day.AddHours(72 + 168), LowRate()));
        Assert.Empty(Evaluate(Only(preWarningAt: 0), Day.AddHours(72 + 168).AddSeconds(1), LowRate()));
    }

    [Fact]
    public void One_post_short_of_the_count_is_a_pre_warning()
    {
        ContentItem[] items = [Post("P1", "brand", 24), Comment("c1", "P1", "u1", 30, "Where is my order?"), Post("P2", "brand", 100)];
        var pre = Assert.Single(Evaluate(Only(), Now, items));
        Assert.Equal(WarningSeverity.Info, pre.Severity);
        Assert.True(pre.Facts!.PreWarning);
        Assert.Equal("The brand posted 2 times in 7 days on Channel one while 1 comment waited (the oldest 5 d 18 h); one more post without answering and it is not listening.", pre.Message);
        Assert.Empty(Evaluate(Only(preWarningAt: 0), Now, items));
    }

    [Fact]
    public void Brand_replies_are_not_posts_and_a_new_post_answers_no_one()
    {
        // Three brand replies in other threads are listening, not talking: no post, no warning.
        Assert.Empty(Evaluate(Only(), Now,
            Post("P1", "brand", 1), Comment("a", "P1", "u1", 30, "Question one?"), Comment("ra", "a", "brand", 31),
            Comment("b", "P1", "u2", 40, "Question two?"), Comment("rb", "b", "brand", 41),
            Comment("c", "P1", "u3", 50, "Question three?"), Comment("rc", "c", "brand", 51),
            Comment("d", "P1", "u4", 60, "Question four?")));

        // Three new posts do not answer the comment under the first: it waits, and the brand is not listening.
        var warning = Assert.Single(Evaluate(Only(), Now,
            Post("P1", "brand", 1), Comment("d", "P1", "u4", 60, "Question four?"), Post("P2", "brand", 70), Post("P3", "brand", 80)));
        Assert.Equal((3, 1), (warning.Facts!.Posts!.Value, warning.Facts.Waiting!.Value));
    }

    [Fact]
    public void With_business_hours_the_oldest_wait_counts_open_time_only()
    {
        // Open 09:00–17:00 UTC every day. c2 came on Tuesday 08:00 (hour 80); by Saturday 00:00 it has waited
        // Tuesday to Friday, four open days of 8 h: 32 business hours, where wall time says 88 h.
        var open = new List<OpeningInterval> { OpeningInterval.Parse("09:00-17:00") };
        var hours = new BusinessHours(TimeZoneInfo.Utc, Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<OpeningInterval>)open), new HashSet<DateOnly>());
        var warning = Assert.Single(Evaluate(Only(hours: hours), Now, LowRate()));
        Assert.Equal(TimeSpan.FromHours(32), warning.Facts!.Elapsed);
        Assert.Contains("the oldest has waited 1 d 8 h", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Handled_comments_neither_wait_nor_count_as_answered_and_are_listed_with_their_mark()
    {
        // A person marks c2 and c3 "no reply needed": of the window's comments c1 (answered) and c4 (waiting, but after
        // the latest post) remain: 1 of 2 answered is 50 %, not below, and nothing from before P4 waits.
        var channel = Only();
        HandledMark Mark(string id) => new() { ChannelId = "c1", ItemId = id, Reason = HandledReason.NoReplyNeeded, MarkedBy = "Ana", MarkedAt = Now };
        var handled = new Dictionary<string, HandledMark> { ["c2"] = Mark("c2"), ["c3"] = Mark("c3") };
        var analysis = Analyzer.Analyze(channel, Resolve(channel, LowRate()), Now, Now.AddDays(-30), Critics, handled);
        Assert.Equal(["c4"], analysis.Open.Select(o => o.Item.Id));
        Assert.Equal(2, analysis.Statistics.Metrics.AnswerableCount);
        Assert.Equal(1, analysis.Statistics.Metrics.AnsweredCount);
        var excluded = analysis.Exclusions.Where(e => e.Reason == Metrics.ExclusionReason.Handled).OrderBy(e => e.Item.Id).ToList();
        Assert.Equal(["c2", "c3"], excluded.Select(e => e.Item.Id));
        Assert.Equal("Ana", excluded[0].Mark!.MarkedBy);
        Assert.Empty(WarningEvaluator.Evaluate(new WarningInputs { Channel = channel, Analysis = analysis, LastBrandActivity = Now, MonitoringSince = Now.AddDays(-60) }));

        // A handled critic raises no critic-ignored, though it has waited four days.
        var critics = Channel("brand") with { Warnings = new WarningRuleSettings { ResponseTarget = null, DisabledRules = [WarningRules.BrandSilent, WarningRules.NotListening] } };
        ContentItem[] critic = [Post("P", "brand", 0), Comment("angry", "P", "u1", 1, "Still waiting for my refund, worst service ever!")];
        Assert.Contains(Evaluate(critics, Day.AddDays(4), critic), w => w.Rule == WarningRules.CriticIgnored);
        var marked = Analyzer.Analyze(critics, Resolve(critics, critic), Day.AddDays(4), Day.AddDays(-26), Critics, new Dictionary<string, HandledMark> { ["angry"] = Mark("angry") with { Reason = HandledReason.Escalated } });
        Assert.Empty(marked.Open);
        Assert.Empty(WarningEvaluator.Evaluate(new WarningInputs { Channel = critics, Analysis = marked, LastBrandActivity = Day.AddDays(4), MonitoringSince = Day }));
    }

    [Fact]
    public void Excluded_messages_do_not_wait()
    {
        // Thank-yous under three posts need no answer: nothing waits, nothing fires.
        Assert.Empty(Evaluate(Only(), Now,
            Post("P1", "brand", 10), Comment("t1", "P1", "u1", 11, "Thanks!"),
            Post("P2", "brand", 20), Comment("t2", "P2", "u2", 21, "👍"),
            Post("P3", "brand", 30)));
    }
}
