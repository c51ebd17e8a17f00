using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Calendar;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Warnings;
using static ResponseMonitor.Domain.Tests.Items;

namespace ResponseMonitor.Domain.Tests;

/// <summary>Each rule against a hand-computed case (docs/WARNINGS.md).</summary>
public sealed class WarningEvaluatorTests
{
    private static readonly ConversationAnalyzer Analyzer = new();

    private static readonly LexiconCriticClassifier Critics = new();
    private const string Complaint = "Still waiting for my refund, worst service ever!";

    private static ChannelDefinition Quiet(WarningRuleSettings? settings = null, string language = "en", BusinessHours? hours = null) => Channel("brand") with
    {
        Warnings = settings ?? new WarningRuleSettings { ResponseTarget = null },
        Language = language,
        BusinessHours = hours,
    };

    private static IReadOnlyList<WarningCondition> Evaluate(ChannelDefinition channel, DateTimeOffset now, DateTimeOffset? lastBrand, DateTimeOffset monitoringSince, params Conversations.ContentItem[] items) =>
        WarningEvaluator.Evaluate(new WarningInputs
        {
            Channel = channel,
            Analysis = Analyzer.Analyze(channel, Resolve(channel, items), now, now.AddDays(-30), Critics),
            LastBrandActivity = lastBrand,
            MonitoringSince = monitoringSince,
        });

    [Fact]
    public void Brand_silent_longer_than_threshold_fires_from_the_moment_it_crossed()
    {
        var silent = Assert.Single(Evaluate(Quiet(), Day.AddHours(73), Day, Day.AddDays(-100)));
        Assert.Equal((WarningRules.BrandSilent, "c1", WarningSeverity.Warning), (silent.Rule, silent.Subject, silent.Severity));
        Assert.Equal(Day.AddHours(72), silent.Since);
        Assert.Equal("The brand has not posted or replied on Channel one for 3 d 1 h (threshold 3 d 0 h).", silent.Message);
        Assert.Empty(Evaluate(Quiet(), Day.AddHours(71), Day, Day.AddDays(-100)));
    }

    [Fact]
    public void A_declared_cadence_tightens_the_silence_threshold()
    {
        // Daily cadence, tolerance 2: silent for more than 48 h is enough, long before the 72 h default.
        var channel = Quiet(new WarningRuleSettings { ResponseTarget = null, ExpectedCadence = TimeSpan.FromDays(1) });
        Assert.Equal(Day.AddHours(48), Assert.Single(Evaluate(channel, Day.AddHours(49), Day, Day.AddDays(-100))).Since);
        Assert.Empty(Evaluate(channel, Day.AddHours(47), Day, Day.AddDays(-100)));
    }

    [Fact]
    public void A_brand_never_heard_counts_silence_from_when_monitoring_began()
    {
        var silent = Assert.Single(Evaluate(Quiet(), Day.AddDays(4), null, Day));
        Assert.Equal(Day.AddHours(72), silent.Since);
        Assert.Contains("since monitoring began 4 d 0 h ago", silent.Message, StringComparison.Ordinal);
        Assert.Empty(Evaluate(Quiet(), Day.AddDays(4), null, Day.AddDays(2)));
    }

    [Fact]
    public void Critics_are_pre_warned_at_75_percent_and_fire_critical_past_the_threshold()
    {
        var now = Day.AddHours(30);
        var conditions = Evaluate(
            Quiet(), now, now, now,
            Post("P", "brand", 0),
            Comment("late", "P", "u1", 5, Complaint),        // 25 h: past 24 h
            Comment("nearly", "P", "u2", 11, Complaint),     // 19 h: past 18 h (75 %)
            Comment("fresh", "P", "u3", 13, Complaint),      // 17 h: nothing yet
            Comment("question", "P", "u4", 1, "What time do you open on Sunday?")); // 29 h, not critical

        Assert.Equal(2, conditions.Count);
        var late = conditions.Single(c => c.Subject == "late");
        Assert.Equal((WarningRules.CriticIgnored, WarningSeverity.Critical, Day.AddHours(29)), (late.Rule, late.Severity, late.Since));
        var nearly = conditions.Single(c => c.Subject == "nearly");
        Assert.Equal((WarningSeverity.Warning, Day.AddHours(29)), (nearly.Severity, nearly.Since));
        Assert.True(nearly.Facts!.PreWarning);
        Assert.Contains("breaches the 1 d 0 h threshold in 5 h 0 min", nearly.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_warning_per_thread_dated_from_the_oldest_waiting_message()
    {
        var now = Day.AddHours(30);
        var conditions = Evaluate(
            Quiet(new WarningRuleSettings { ResponseTarget = TimeSpan.FromHours(4), PreWarningAt = 0 }), now, now, now,
            Post("P", "brand", 0),
            Comment("first", "P", "u1", 20, "Where is my parcel?"),
            Comment("again", "first", "u1", 25, "Hello??"),
            Comment("other", "P", "u2", 27, "Do you ship to Spain?"));   // 3 h: under target

        var target = Assert.Single(conditions);
        Assert.Equal((WarningRules.ResponseTargetBreached, "first", WarningSeverity.Warning, Day.AddHours(24)), (target.Rule, target.Subject, target.Severity, target.Since));
    }

    [Fact]
    public void With_business_hours_only_open_time_counts_towards_the_threshold()
    {
        // Open every day 09:00–17:00 UTC. A critic at 16:00 Saturday has, by Sunday 12:00, waited 1 + 3 = 4 business hours.
        var open = new List<OpeningInterval> { OpeningInterval.Parse("09:00-17:00") };
        var hours = new BusinessHours(TimeZoneInfo.Utc, Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<OpeningInterval>)open), new HashSet<DateOnly>());
        var channel = Quiet(new WarningRuleSettings { ResponseTarget = null, CriticThreshold = TimeSpan.FromHours(4) }, hours: hours);
        var now = Day.AddHours(36);
        var critic = Assert.Single(Evaluate(channel, now, now, now, Post("P", "brand", 0), Comment("c", "P", "u1", 16, Complaint)));
        Assert.Equal(WarningSeverity.Critical, critic.Severity);
        Assert.Equal(Day.AddHours(36), critic.Since);                 // 1 h Saturday + 3 h Sunday from 09:00
        Assert.Equal(TimeSpan.FromHours(4), critic.Facts!.Elapsed);   // wall time would say 20 h

        // One business hour earlier it is only a pre-warning (3 h ≥ 75 % of 4 h).
        Assert.Equal(WarningSeverity.Warning, Assert.Single(Evaluate(channel, now.AddHours(-1), now, now, Post("P", "brand", 0), Comment("c", "P", "u1", 16, Complaint))).Severity);
    }

    [Fact]
    public void Messages_are_written_in_the_channels_language()
    {
        var now = Day.AddHours(30);
        string Message(string language) => Assert.Single(Evaluate(Quiet(language: language), now, now, now, Post("P", "brand", 0), Comment("late", "P", "Ana", 5, Complaint))).Message;
        Assert.StartsWith("Un comentario crítico de Ana en Channel one lleva 1 d 1 h esperando respuesta", Message("es"), StringComparison.Ordinal);
        Assert.StartsWith("Ein kritischer Kommentar von Ana auf Channel one wartet seit 1 T 1 Std.", Message("de"), StringComparison.Ordinal);
        Assert.StartsWith("Un commentaire critique de Ana sur Channel one attend", Message("fr"), StringComparison.Ordinal);
        Assert.StartsWith("A critical comment by Ana on Channel one has waited 1 d 1 h", Message("pt"), StringComparison.Ordinal);
    }

    [Fact]
    public void Criticism_spike_against_mean_plus_k_sigma_of_the_last_week()
    {
        // Baseline: 168 whole hours, one critic in every 4th hour (42 hours with 1, 126 with 0):
        // mean 0.25, σ = sqrt(0.25 · 0.75) ≈ 0.433, limit (k = 3) ≈ 1.549. Three critics in the last hour exceed it.
        var now = Day.AddDays(10);
        var times = Enumerable.Range(1, 168).Where(i => i % 4 == 0).Select(i => now - TimeSpan.FromHours(i) - TimeSpan.FromMinutes(30)).ToList();
        var recent = new[] { now.AddMinutes(-5), now.AddMinutes(-20), now.AddMinutes(-50) };
        var channel = Quiet();

        IReadOnlyList<WarningCondition> Run(IEnumerable<DateTimeOffset> critics, int minCount = 3) => WarningEvaluator.Evaluate(new WarningInputs
        {
            Channel = channel with { Warnings = channel.Warnings with { SpikeMinCount = minCount } },
            Analysis = Analyzer.Analyze(channel, [], now, now.AddDays(-30), Critics),
            LastBrandActivity = now,
            MonitoringSince = now.AddDays(-30),
            CriticalCommentTimes = [.. critics],
        });

        var spike = Assert.Single(Run(times.Concat(recent)));
        Assert.Equal((WarningRules.CriticismSpike, "c1", WarningSeverity.Critical), (spike.Rule, spike.Subject, spike.Severity));
        Assert.Equal(0.25, spike.Facts!.Mean!.Value, 6);
        Assert.Equal(0.25 + 3 * Math.Sqrt(0.1875), spike.Facts.Limit!.Value, 6);
        Assert.Equal("3 new critical comments in the last hour on Channel one, above its usual 0.25 an hour (limit 1.55).", spike.Message);

        // Two is above the limit too, but under the minimum count of three.
        Assert.Empty(Run(times.Concat(recent.Take(2))));
        Assert.Single(Run(times.Concat(recent.Take(2)), minCount: 2));
    }

    [Fact]
    public void Backlog_spike_needs_a_day_of_history_and_ignores_the_current_hour()
    {
        var now = Day.AddDays(10).AddMinutes(30);
        var hour = HourlySample.HourOf(now);
        var channel = Quiet(new WarningRuleSettings { ResponseTarget = null, CriticThreshold = TimeSpan.FromDays(30) });
        var items = new List<Conversations.ContentItem> { Post("P", "brand", 0) };
        items.AddRange(Enumerable.Range(0, 6).Select(i => Comment($"q{i}", "P", $"u{i}", 24 * 10, "Where is my parcel?")));

        // 24 hours of history alternating 1 and 3 open: mean 2, σ 1, limit 5. Six open now is a spike.
        var history = Enumerable.Range(1, 24).Select(i => new HourlySample(hour.AddHours(-i), i % 2 == 0 ? 1 : 3)).Append(new HourlySample(hour, 50)).ToList();
        IReadOnlyList<WarningCondition> Run(IReadOnlyList<HourlySample> samples) => WarningEvaluator.Evaluate(new WarningInputs
        {
            Channel = channel,
            Analysis = Analyzer.Analyze(channel, Resolve(channel, [.. items]), now, now.AddDays(-30), Critics),
            LastBrandActivity = now,
            MonitoringSince = now.AddDays(-30),
            OpenHistory = samples,
        });

        var spike = Assert.Single(Run(history));
        Assert.Equal((WarningRules.BacklogSpike, 6.0, 2.0, 5.0), (spike.Rule, spike.Facts!.Observed, spike.Facts.Mean, spike.Facts.Limit));
        Assert.Empty(Run(history.Skip(1).ToList()));   // 23 hours of history: too little to judge
    }

    [Fact]
    public void Disabled_rules_raise_nothing() =>
        Assert.Empty(Evaluate(Quiet(new WarningRuleSettings { DisabledRules = [WarningRules.BrandSilent] }), Day.AddDays(9), Day, Day.AddDays(-100)));

    /// <summary>
    /// Hand-computed: a token a person renews, ending 3 d 12 h after "now", is inside the 7-day window: a warning from
    /// 7 days before its end, critical only in its last day; one the monitor renews itself never warns; a refused
    /// credential is its own critical warning and stands instead.
    /// </summary>
    [Fact]
    public void A_credential_a_person_renews_warns_before_it_ends_and_a_refused_one_at_once()
    {
        var now = Day.AddDays(10);
        var end = now.AddDays(3.5);
        WarningInputs Inputs(Ports.CredentialLifetime? credential, string? rejected = null) => new()
        {
            Channel = Quiet(),
            Analysis = Analyzer.Analyze(Quiet(), Resolve(Quiet()), now, now.AddDays(-30), Critics),
            LastBrandActivity = now,
            MonitoringSince = Day,
            Credential = credential,
            CredentialsRejectedBecause = rejected,
        };

        var expiring = Assert.Single(WarningEvaluator.Evaluate(Inputs(new(now, end, RenewedByMonitor: false, "Meta debug_token: PAGE token"))));
        Assert.Equal((WarningRules.CredentialsExpiring, WarningSeverity.Warning, end.AddDays(-7)), (expiring.Rule, expiring.Severity, expiring.Since));
        Assert.Equal($"The credentials of Channel one expire on {end:yyyy-MM-dd HH:mm} UTC, in 3 d 12 h; renew them before the channel goes blind (Meta debug_token: PAGE token).", expiring.Message);

        Assert.Equal(WarningSeverity.Critical, Assert.Single(WarningEvaluator.Evaluate(Inputs(new(now, now.AddHours(20), false, "t")))).Severity);
        Assert.Contains("expired on", Assert.Single(WarningEvaluator.Evaluate(Inputs(new(now, now.AddHours(-1), false, "t")))).Message, StringComparison.Ordinal);
        Assert.Empty(WarningEvaluator.Evaluate(Inputs(new(now, now.AddDays(8), false, "t"))));          // outside the window
        Assert.Empty(WarningEvaluator.Evaluate(Inputs(new(now, now.AddHours(1), RenewedByMonitor: true, "Reddit access token"))));
        Assert.Empty(WarningEvaluator.Evaluate(Inputs(new(now, null, false, "does not expire"))));

        var rejected = Assert.Single(WarningEvaluator.Evaluate(Inputs(new(now, end, false, "t"), "Mastodon refused the credentials reading statuses page 1 (HTTP 401)")));
        Assert.Equal((WarningRules.CredentialsRejected, WarningSeverity.Critical, now), (rejected.Rule, rejected.Severity, rejected.Since));
        Assert.Contains("Mastodon refused the credentials", rejected.Message, StringComparison.Ordinal);
    }
}
