using ResponseMonitor.Domain.Calendar;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Metrics;

namespace ResponseMonitor.Domain.Tests;

/// <summary>The second worked example of docs/METRICS.md (business hours, automation, exclusions, windows), computed by hand.</summary>
public sealed class ResponseMetricsTests
{
    // Monday 12 January 2026, 00:00 UTC.
    private static readonly DateTimeOffset Monday = new(2026, 1, 12, 0, 0, 0, TimeSpan.Zero);
    private static readonly LexiconCriticClassifier Critics = new();

    private static ChannelDefinition Channel(ExclusionRules? rules = null)
    {
        var day = new[] { OpeningInterval.Parse("09:00-17:00") };
        var week = new Dictionary<DayOfWeek, IReadOnlyList<OpeningInterval>>
        {
            [DayOfWeek.Monday] = day, [DayOfWeek.Tuesday] = day, [DayOfWeek.Wednesday] = day, [DayOfWeek.Thursday] = day, [DayOfWeek.Friday] = day,
        };
        return new ChannelDefinition
        {
            Id = "shop",
            Name = "Shop",
            Kind = ChannelKinds.GenericFeed,
            BrandAuthorIds = new HashSet<string> { "brand" },
            BusinessHours = new BusinessHours(TimeZoneInfo.Utc, week, new HashSet<DateOnly>()),
            Exclusions = rules ?? ExclusionRules.Default with { AutomationAuthorIds = new HashSet<string> { "bot" } },
        };
    }

    private static ContentItem At(string id, string? parent, string author, double hours, string text, ItemKind kind = ItemKind.Comment) =>
        new() { Id = id, ParentId = parent, Kind = kind, AuthorId = author, CreatedAt = Monday.AddHours(hours), Text = text };

    private static List<ContentItem> Example(ChannelDefinition channel) => Items.Resolve(
        channel,
        At("P", null, "brand", 8, "New collection out today", ItemKind.Post),
        At("A", "P", "u1", 8.5, "Where is my refund?"),                  // before opening: business clock starts 09:00
        At("R1", "A", "bot", 8.51, "We got your message"),               // automation: does not stop the clock
        At("S", "P", "brand", 9.5, "Update: free shipping all week"),    // the brand replying to itself
        At("R2", "A", "brand", 10, "Sent yesterday, sorry for the wait"), // first response: 1.5 h wall, 1 h business
        At("A2", "R2", "u1", 10.1, "Thanks!"),                           // thanks: needs no answer
        At("C", "P", "u3", 12, "👍👍"),                                   // emoji only
        At("D", "P", "u4", 13, "buy followers cheap at www.example.com"), // spam
        At("B", "P", "u2", 16, "Do you ship to Canada?"),
        At("E", "P", "u5", 20, "My order never arrived"),                 // still open
        At("R3", "B", "brand", 34, "Yes, we do"),                         // Tue 10:00: 18 h wall, 2 h business
        At("B2", "R3", "u2", 34.5, "The checkout still fails for Canada"),
        At("R4", "B2", "brand", 35.5, "Fixed now"));                      // next response: 1 h wall and business

    private static MetricsSample Sample(ChannelDefinition channel, IEnumerable<ContentItem> items, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var window = MetricsWindow.Create(from, to, now);
        var clock = ResponseClock.Run(channel, items.Where(i => i.CreatedAt <= window.AsOf), t => Critics.Classify(t).IsCritical);
        return ResponseMetricsCalculator.Sample(channel, clock, window);
    }

    [Fact]
    public void Worked_example_in_wall_and_business_time()
    {
        var channel = Channel();
        var now = Monday.AddHours(36); // Tuesday 12:00
        var metrics = Sample(channel, Example(channel), Monday, now, now).Summarize();

        // Answerable A, B, B2, E; answered A, B, B2.
        Assert.Equal((4, 3, 0.75), (metrics.AnswerableCount, metrics.AnsweredCount, metrics.ResponseRate));

        // First responses 1.5 h and 18 h wall; 1 h and 2 h business.
        var first = metrics.FirstResponse;
        Assert.Equal(2, first.Wall.Count);
        Assert.Equal(TimeSpan.FromHours(9.75), first.Wall.Mean);
        Assert.Equal(TimeSpan.FromHours(9.75), first.Wall.Median);
        Assert.Equal(TimeSpan.FromHours(16.35), first.Wall.P90);
        Assert.Equal(new DurationBuckets(0, 1, 0, 1, 0), first.Wall.Buckets);
        Assert.Equal(TimeSpan.FromHours(1.5), first.Business.Mean);
        Assert.Equal(TimeSpan.FromHours(1.9), first.Business.P90);
        Assert.Equal(new DurationBuckets(0, 2, 0, 0, 0), first.Business.Buckets); // exactly 1 h counts in 1–4 h

        Assert.Equal((1, TimeSpan.FromHours(1), TimeSpan.FromHours(1)), (metrics.NextResponse.Wall.Count, metrics.NextResponse.Wall.Median, metrics.NextResponse.Business.Median));

        // E waits from Mon 20:00: 16 h wall, 3 h of Tuesday's opening hours.
        Assert.Equal(TimeSpan.FromHours(16), metrics.UnansweredAge.Wall.Median);
        Assert.Equal(TimeSpan.FromHours(3), metrics.UnansweredAge.Business.Median);
        Assert.Equal(new DurationBuckets(0, 0, 0, 1, 0), metrics.UnansweredAge.Wall.Buckets);

        Assert.Equal(
            new Dictionary<ExclusionReason, int>
            {
                [ExclusionReason.Automation] = 1, [ExclusionReason.BrandSelfReply] = 1, [ExclusionReason.Thanks] = 1,
                [ExclusionReason.EmojiOnly] = 1, [ExclusionReason.Spam] = 1,
            },
            metrics.Excluded);
    }

    [Fact]
    public void A_past_window_is_judged_as_of_its_end()
    {
        var channel = Channel();
        var now = Monday.AddHours(36);

        // Monday 00:00–18:00: A and B arrived; A was answered at 10:00, B only on Tuesday.
        var metrics = Sample(channel, Example(channel), Monday, Monday.AddHours(18), now).Summarize();
        Assert.Equal((2, 1, 0.5), (metrics.AnswerableCount, metrics.AnsweredCount, metrics.ResponseRate));
        Assert.Equal(1, metrics.FirstResponse.Wall.Count);
        Assert.Equal(TimeSpan.FromHours(2), metrics.UnansweredAge.Wall.Median);   // B: 16:00 → 18:00
        Assert.Equal(TimeSpan.FromHours(1), metrics.UnansweredAge.Business.Median); // 16:00 → 17:00 closing
    }

    [Fact]
    public void Without_hours_business_time_equals_wall_time()
    {
        var channel = Channel() with { BusinessHours = null };
        var now = Monday.AddHours(36);
        var metrics = Sample(channel, Example(channel), Monday, now, now).Summarize();
        Assert.Equal(metrics.FirstResponse.Wall, metrics.FirstResponse.Business);
        Assert.Equal(metrics.UnansweredAge.Wall, metrics.UnansweredAge.Business);
    }

    [Fact]
    public void Exclusions_can_be_switched_off_and_extended()
    {
        var now = Monday.AddHours(36);
        var none = Channel(ExclusionRules.Default with { Enabled = new HashSet<ExclusionReason>(), AutomationAuthorIds = new HashSet<string> { "bot" } });
        var counted = Sample(none, Example(none), Monday, now, now).Summarize();

        // Everything counts: A2, C and D are answerable and open; the bot's reply R1 now answers A after 36 s.
        Assert.Equal((7, 3), (counted.AnswerableCount, counted.AnsweredCount));
        Assert.Empty(counted.Excluded);
        Assert.Equal((2, 1, TimeSpan.FromHours((0.01 + 18) / 2)), (counted.FirstResponse.Wall.Count, counted.FirstResponse.Wall.Buckets.UpTo1Hour, counted.FirstResponse.Wall.Mean));

        var custom = Channel(ExclusionRules.Default with { NoAnswerPhrases = ["See you on Friday"] });
        var clock = ResponseClock.Run(custom, [At("X", null, "u9", 1, "see you on friday!!")], _ => false);
        Assert.Equal(ExclusionReason.Acknowledgement, Assert.Single(clock.Exclusions).Reason);
    }

    [Theory]
    [InlineData("Thanks!", ExclusionReason.Thanks)]
    [InlineData("muchas gracias 🙏", ExclusionReason.Thanks)]
    [InlineData("Vielen Dank!", ExclusionReason.Thanks)]
    [InlineData("ok", ExclusionReason.Acknowledgement)]
    [InlineData("Alles klar.", ExclusionReason.Acknowledgement)]
    [InlineData("😍🔥", ExclusionReason.EmojiOnly)]
    [InlineData("😡👎", null)]                                  // an angry reaction is a critic
    [InlineData("win now http://a.example http://b.example http://c.example", ExclusionReason.Spam)]
    [InlineData("Check my profile for free followers", ExclusionReason.Spam)]
    [InlineData("Thanks for nothing", null)]                   // sarcasm: the detector calls it critical
    [InlineData("Thanks, but where is my refund", null)]       // a contrast wants an answer
    [InlineData("thanks?", null)]                              // a question wants an answer
    [InlineData("ok but it is still broken", null)]
    [InlineData("", null)]                                     // an image with no text may be a complaint
    [InlineData("Thank you so much for the quick help yesterday, the new charger works perfectly now", null)] // too long to be a mere thank-you
    public void Public_messages_that_need_no_answer(string text, ExclusionReason? expected)
    {
        var item = At("x", null, "u", 1, text);
        Assert.Equal(expected, ExclusionDetector.ClassifyPublic(item, ExclusionRules.Default, t => Critics.Classify(t).IsCritical));
    }

    [Fact]
    public void Brand_metrics_pool_responses_instead_of_averaging_channel_medians()
    {
        var a = new MetricsSample();
        a.FirstResponses.Add((TimeSpan.FromHours(1), TimeSpan.FromHours(1)));
        var b = new MetricsSample();
        b.FirstResponses.AddRange([(TimeSpan.FromHours(3), TimeSpan.FromHours(3)), (TimeSpan.FromHours(5), TimeSpan.FromHours(5))]);
        a.Answerable = 1;
        a.Answered = 1;
        b.Answerable = 4;
        b.Answered = 2;

        var brand = MetricsSample.Merge([a, b]).Summarize();

        // Median of channel medians would be (1 + 4) / 2 = 2.5 h; the pooled median of 1, 3, 5 is 3 h.
        Assert.Equal(TimeSpan.FromHours(3), brand.FirstResponse.Wall.Median);
        Assert.Equal(TimeSpan.FromHours(3), brand.FirstResponse.Wall.Mean);
        Assert.Equal(3.0 / 5.0, brand.ResponseRate);
    }
}
