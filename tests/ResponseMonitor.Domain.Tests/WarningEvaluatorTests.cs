using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Warnings;
using static ResponseMonitor.Domain.Tests.Items;

namespace ResponseMonitor.Domain.Tests;

public sealed class WarningEvaluatorTests
{
    private static readonly ConversationAnalyzer Analyzer = new(new LexiconCriticClassifier());

    private static ChannelAnalysis Analyze(DateTimeOffset now, params ResponseMonitor.Domain.Conversations.ContentItem[] items) =>
        Analyzer.Analyze(Channel("brand"), Resolve(Channel("brand"), items), now, now.AddDays(-30));

    [Fact]
    public void Brand_silent_longer_than_threshold_raises_from_the_moment_it_crossed()
    {
        var lastBrand = Day;
        var now = Day.AddHours(73);
        var conditions = WarningEvaluator.Evaluate(Channel("brand"), Analyze(now), lastBrand, Day.AddDays(-100));

        var silent = Assert.Single(conditions);
        Assert.Equal(WarningRules.BrandSilent, silent.Rule);
        Assert.Equal("c1", silent.Subject);
        Assert.Equal(Day.AddHours(72), silent.Since);
        Assert.Contains("3 d 1 h", silent.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Brand_silent_shorter_than_threshold_raises_nothing() =>
        Assert.Empty(WarningEvaluator.Evaluate(Channel("brand"), Analyze(Day.AddHours(71)), Day, Day.AddDays(-100)));

    [Fact]
    public void A_brand_never_heard_counts_silence_from_when_monitoring_began()
    {
        var now = Day.AddDays(4);
        var conditions = WarningEvaluator.Evaluate(Channel("brand"), Analyze(now), null, Day);
        Assert.Equal(Day.AddHours(72), Assert.Single(conditions).Since);
        Assert.Empty(WarningEvaluator.Evaluate(Channel("brand"), Analyze(now), null, Day.AddDays(2)));
    }

    [Fact]
    public void Only_critics_waiting_past_the_threshold_raise()
    {
        var now = Day.AddHours(30);
        var analysis = Analyze(
            now,
            Post("P", "brand", 0),
            Comment("late-critic", "P", "u1", 5, "Still waiting for my refund, worst service ever!"),      // 25 h
            Comment("fresh-critic", "P", "u2", 7, "Still waiting for my refund, worst service ever!"),     // 23 h
            Comment("old-question", "P", "u3", 1, "What time do you open on Sunday?"));                     // 29 h, not critical

        var conditions = WarningEvaluator.Evaluate(Channel("brand"), analysis, now, now);

        var critic = Assert.Single(conditions);
        Assert.Equal((WarningRules.CriticIgnored, "late-critic", WarningSeverity.Critical), (critic.Rule, critic.Subject, critic.Severity));
        Assert.Equal(Day.AddHours(29), critic.Since);
    }
}
