using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.Domain.Warnings;

/// <summary>
/// Evaluates the rules against a channel's analysis. Pure: the same inputs give the same conditions. Definitions, with
/// worked examples, are in docs/WARNINGS.md.
/// </summary>
internal static class WarningEvaluator
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    public static IReadOnlyList<WarningCondition> Evaluate(WarningInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var channel = inputs.Channel;
        var settings = channel.Warnings;
        var conditions = new List<WarningCondition>();
        if (settings.IsEnabled(WarningRules.BrandSilent))
        {
            AddSilence(inputs, conditions);
        }

        if (settings.IsEnabled(WarningRules.CriticIgnored))
        {
            // Per thread, the critic who has waited longest stands for the thread.
            var critics = inputs.Analysis.Open.Where(o => o.Verdict.IsCritical);
            AddWaiting(channel, inputs.Analysis.AnalyzedAt, WarningRules.CriticIgnored, critics, settings.CriticThreshold, WarningSeverity.Warning, WarningSeverity.Critical, conditions);
        }

        if (settings.IsEnabled(WarningRules.ResponseTargetBreached) && settings.ResponseTarget is { } target)
        {
            AddWaiting(channel, inputs.Analysis.AnalyzedAt, WarningRules.ResponseTargetBreached, inputs.Analysis.Open, target, WarningSeverity.Info, WarningSeverity.Warning, conditions);
        }

        if (settings.IsEnabled(WarningRules.BacklogSpike))
        {
            AddBacklogSpike(inputs, conditions);
        }

        if (settings.IsEnabled(WarningRules.CriticismSpike))
        {
            AddCriticismSpike(inputs, conditions);
        }

        if (settings.IsEnabled(WarningRules.CredentialsRejected) && inputs.CredentialsRejectedBecause is { } reason)
        {
            var facts = new WarningFacts { Detail = reason };
            conditions.Add(Condition(channel, WarningRules.CredentialsRejected, channel.Id, WarningSeverity.Critical, inputs.Analysis.AnalyzedAt, facts));
        }
        else if (settings.IsEnabled(WarningRules.CredentialsExpiring))
        {
            AddCredentialExpiry(inputs, conditions);
        }

        if (settings.IsEnabled(WarningRules.NotListening))
        {
            AddNotListening(inputs, conditions);
        }

        return conditions;
    }

    /// <summary>
    /// The brand talks but does not listen: at least <c>NotListeningMinPosts</c> posts in the window while public
    /// comments wait, and either too few of the window's comments answered or comments from before its latest post still
    /// waiting. One post short is the pre-warning: the next post that answers no one makes it. The window is calendar
    /// time, like a posting plan; the oldest wait is business time, like the other rules.
    /// </summary>
    private static void AddNotListening(WarningInputs inputs, List<WarningCondition> conditions)
    {
        var channel = inputs.Channel;
        var settings = channel.Warnings;
        var analysis = inputs.Analysis;
        var now = analysis.AnalyzedAt;
        var from = now - settings.NotListeningWindow;
        var posts = analysis.BrandPosts.Where(p => p >= from && p <= now).ToList();
        var preWarns = settings.PreWarningAt is > 0 and < 1 && settings.NotListeningMinPosts > 1;
        if (analysis.Open.Count == 0 || posts.Count < (preWarns ? settings.NotListeningMinPosts - 1 : settings.NotListeningMinPosts))
        {
            return;
        }

        var received = analysis.Messages.Where(m => m.Item.CreatedAt >= from && m.Item.CreatedAt <= now).ToList();
        var answered = received.Count(m => m.AnsweredAt <= now);
        double? rate = received.Count == 0 ? null : (double)answered / received.Count;
        var latestPost = posts[^1];
        var beforeLatestPost = analysis.Open.Count(o => o.Item.CreatedAt < latestPost);
        if (!(rate < settings.NotListeningMinResponseRate) && beforeLatestPost == 0)
        {
            return;
        }

        var pre = posts.Count < settings.NotListeningMinPosts;
        var oldest = analysis.Open.MinBy(o => o.Item.CreatedAt)!.Item;
        var facts = new WarningFacts
        {
            PreWarning = pre,
            Posts = posts.Count,
            Window = settings.NotListeningWindow,
            Waiting = analysis.Open.Count,
            WaitingBeforeLatestPost = beforeLatestPost,
            Received = received.Count,
            Answered = answered,
            RateThreshold = settings.NotListeningMinResponseRate,
            Elapsed = channel.BusinessTimeBetween(oldest.CreatedAt, now),
            Who = oldest.AuthorName ?? oldest.AuthorId,
            ItemId = oldest.Id,
            ItemUrl = oldest.Url,
        };

        // Since the post that made the count: the pre-warning's count is one lower.
        var since = posts[posts.Count - (pre ? settings.NotListeningMinPosts - 1 : settings.NotListeningMinPosts)];
        conditions.Add(Condition(channel, WarningRules.NotListening, channel.Id, pre ? WarningSeverity.Info : WarningSeverity.Warning, since, facts));
    }

    /// <summary>
    /// Only a credential a person must renew warns: one the monitor renews itself (a refresh token, an app password)
    /// shows on the dashboard, and if its renewal fails the platform's refusal raises credentials-rejected instead.
    /// </summary>
    private static void AddCredentialExpiry(WarningInputs inputs, List<WarningCondition> conditions)
    {
        var channel = inputs.Channel;
        var now = inputs.Analysis.AnalyzedAt;
        var window = channel.Warnings.CredentialExpiryWarning;
        if (inputs.Credential is not { RenewedByMonitor: false, ExpiresAt: { } end } credential || end - now > window)
        {
            return;
        }

        var facts = new WarningFacts { Detail = credential.Source, ExpiresAt = end, Elapsed = end - now, Threshold = window };
        var severity = end - now <= TimeSpan.FromDays(1) ? WarningSeverity.Critical : WarningSeverity.Warning;
        conditions.Add(Condition(channel, WarningRules.CredentialsExpiring, channel.Id, severity, end - window, facts));
    }

    private static void AddSilence(WarningInputs inputs, List<WarningCondition> conditions)
    {
        var channel = inputs.Channel;
        var now = inputs.Analysis.AnalyzedAt;
        var threshold = channel.Warnings.EffectiveSilenceThreshold;
        var silentFrom = inputs.LastBrandActivity ?? inputs.MonitoringSince;
        if (now - silentFrom <= threshold)
        {
            return;
        }

        var facts = new WarningFacts { Elapsed = now - silentFrom, Threshold = threshold, NeverSpoke = inputs.LastBrandActivity is null };
        conditions.Add(Condition(channel, WarningRules.BrandSilent, channel.Id, WarningSeverity.Warning, silentFrom + threshold, facts));
    }

    private static void AddWaiting(
        ChannelDefinition channel,
        DateTimeOffset now,
        string rule,
        IEnumerable<OpenComment> open,
        TimeSpan threshold,
        WarningSeverity preSeverity,
        WarningSeverity breachSeverity,
        List<WarningCondition> conditions)
    {
        var preAt = channel.Warnings.PreWarningAt is > 0 and < 1 ? threshold * channel.Warnings.PreWarningAt : (TimeSpan?)null;
        foreach (var thread in open.GroupBy(o => string.IsNullOrEmpty(o.Item.ThreadId) ? o.Item.Id : o.Item.ThreadId, StringComparer.Ordinal))
        {
            var oldest = thread.OrderBy(o => o.Item.CreatedAt).ThenBy(o => o.Item.Id, StringComparer.Ordinal).First().Item;
            var waited = channel.BusinessTimeBetween(oldest.CreatedAt, now);
            bool pre;
            DateTimeOffset? since;
            if (waited >= threshold)
            {
                pre = false;
                since = channel.AddBusinessTime(oldest.CreatedAt, threshold);
            }
            else if (preAt is { } mark && waited >= mark)
            {
                pre = true;
                since = channel.AddBusinessTime(oldest.CreatedAt, mark);
            }
            else
            {
                continue;
            }

            var facts = new WarningFacts
            {
                PreWarning = pre,
                Who = oldest.AuthorName ?? oldest.AuthorId,
                Excerpt = Excerpt(oldest.Text),
                ItemId = oldest.Id,
                ItemUrl = oldest.Url,
                Elapsed = waited,
                Threshold = threshold,
            };
            conditions.Add(Condition(channel, rule, thread.Key, pre ? preSeverity : breachSeverity, since ?? now, facts));
        }
    }

    private static void AddBacklogSpike(WarningInputs inputs, List<WarningCondition> conditions)
    {
        var channel = inputs.Channel;
        var settings = channel.Warnings;
        var now = inputs.Analysis.AnalyzedAt;
        var currentHour = HourlySample.HourOf(now);
        var baseline = SpikeBaseline.Of(inputs.OpenHistory
            .Where(s => s.HourStart < currentHour && s.HourStart >= currentHour - settings.SpikeLookback && s.HourStart >= HourlySample.HourOf(inputs.MonitoringSince))
            .Select(s => s.Value)
            .ToList());
        var observed = inputs.Analysis.Open.Count;
        AddSpike(channel, WarningRules.BacklogSpike, WarningSeverity.Warning, baseline, observed, now, conditions);
    }

    private static void AddCriticismSpike(WarningInputs inputs, List<WarningCondition> conditions)
    {
        var channel = inputs.Channel;
        var settings = channel.Warnings;
        var now = inputs.Analysis.AnalyzedAt;

        // Hour i (1..H) is the whole hour (now - (i+1)h, now - i·h]; only hours fully watched count.
        var hours = (int)(settings.SpikeLookback / Hour);
        var counts = new List<int>(hours);
        for (var i = 1; i <= hours; i++)
        {
            var start = now - Hour * (i + 1);
            if (start < inputs.MonitoringSince)
            {
                break;
            }

            var end = now - Hour * i;
            counts.Add(inputs.CriticalCommentTimes.Count(t => t > start && t <= end));
        }

        var observed = inputs.CriticalCommentTimes.Count(t => t > now - Hour && t <= now);
        AddSpike(channel, WarningRules.CriticismSpike, WarningSeverity.Critical, SpikeBaseline.Of(counts), observed, now, conditions);
    }

    private static void AddSpike(ChannelDefinition channel, string rule, WarningSeverity severity, SpikeBaseline baseline, int observed, DateTimeOffset now, List<WarningCondition> conditions)
    {
        var settings = channel.Warnings;
        var limit = baseline.Limit(settings.SpikeK);
        if (baseline.Hours < settings.SpikeMinBaselineHours || observed < settings.SpikeMinCount || observed <= limit)
        {
            return;
        }

        var facts = new WarningFacts { Observed = observed, Mean = baseline.Mean, Limit = limit, K = settings.SpikeK };
        conditions.Add(Condition(channel, rule, channel.Id, severity, now, facts));
    }

    private static WarningCondition Condition(ChannelDefinition channel, string rule, string subject, WarningSeverity severity, DateTimeOffset since, WarningFacts facts) =>
        new(rule, channel.Id, subject, severity, since, WarningTexts.Message(rule, facts, channel.Name, channel.Language), facts.ItemUrl) { Facts = facts };

    private static string Excerpt(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "...");
}
