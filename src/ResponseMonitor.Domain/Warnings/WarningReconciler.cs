namespace ResponseMonitor.Domain.Warnings;

/// <summary>
/// The lifecycle, in the manner of Prometheus and Alertmanager: a condition first seen is <c>pending</c>; once it has
/// held for the rule's <c>for</c> delay it is <c>firing</c> and notified; while it fires, a rise in severity is
/// notified as <c>escalated</c> and a reminder goes out every repeat interval; when it ends, a firing warning is
/// <c>resolved</c> (and notified), a pending one goes <c>inactive</c> silently. Pure: the store applies the result.
/// </summary>
internal static class WarningReconciler
{
    public static IReadOnlyList<WarningTransition> Reconcile(
        IReadOnlyCollection<WarningRecord> stored,
        IReadOnlyCollection<WarningCondition> conditions,
        WarningRuleSettings settings,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(settings);
        var byKey = stored.ToDictionary(w => w.Key, StringComparer.Ordinal);
        var holding = new HashSet<string>(StringComparer.Ordinal);
        var transitions = new List<WarningTransition>();

        foreach (var condition in conditions)
        {
            if (!holding.Add(condition.Key))
            {
                continue;
            }

            byKey.TryGetValue(condition.Key, out var existing);
            var transition = existing is { IsActive: true }
                ? Continue(existing, condition, settings, now)
                : Begin(existing, condition, settings, now);
            if (transition is not null)
            {
                transitions.Add(transition);
            }
        }

        foreach (var warning in stored.Where(w => w.IsActive && !holding.Contains(w.Key)))
        {
            transitions.Add(warning.State == WarningState.Firing
                ? new WarningTransition(warning with { State = WarningState.Resolved, ResolvedAt = now, UpdatedAt = now }, WarningEvents.Resolved, settings.SendResolved)
                : new WarningTransition(warning with { State = WarningState.Inactive, UpdatedAt = now }, WarningEvents.Inactive, false));
        }

        return transitions;
    }

    private static WarningTransition Begin(WarningRecord? previous, WarningCondition condition, WarningRuleSettings settings, DateTimeOffset now)
    {
        var pending = new WarningRecord
        {
            ChannelId = condition.ChannelId,
            Rule = condition.Rule,
            Subject = condition.Subject,
            Severity = condition.Severity,
            State = WarningState.Pending,
            Message = condition.Message,
            ItemUrl = condition.ItemUrl,
            Since = condition.Since,
            ObservedAt = now,
            UpdatedAt = now,
            TimesFired = previous?.TimesFired ?? 0,
            Version = previous?.Version,
        };
        return settings.ForOf(condition.Rule) <= TimeSpan.Zero
            ? Fire(pending, condition, now)
            : new WarningTransition(pending, WarningEvents.Pending, false);
    }

    private static WarningTransition? Continue(WarningRecord existing, WarningCondition condition, WarningRuleSettings settings, DateTimeOffset now)
    {
        if (existing.State == WarningState.Pending)
        {
            return now - existing.ObservedAt >= settings.ForOf(condition.Rule) ? Fire(existing, condition, now) : null;
        }

        if (condition.Severity > existing.Severity)
        {
            return new WarningTransition(Refresh(existing, condition, now), WarningEvents.Escalated, true);
        }

        if (settings.RepeatInterval > TimeSpan.Zero && now - (existing.LastNotifiedAt ?? existing.FiredAt ?? existing.ObservedAt) >= settings.RepeatInterval)
        {
            return new WarningTransition(Refresh(existing, condition, now), WarningEvents.Reminder, true);
        }

        return null;
    }

    private static WarningTransition Fire(WarningRecord warning, WarningCondition condition, DateTimeOffset now) =>
        new(Refresh(warning, condition, now) with { State = WarningState.Firing, FiredAt = now, ResolvedAt = null, TimesFired = warning.TimesFired + 1 }, WarningEvents.Firing, true);

    private static WarningRecord Refresh(WarningRecord warning, WarningCondition condition, DateTimeOffset now) => warning with
    {
        Severity = condition.Severity > warning.Severity || warning.State != WarningState.Firing ? condition.Severity : warning.Severity,
        Message = condition.Message,
        ItemUrl = condition.ItemUrl ?? warning.ItemUrl,
        Since = condition.Since,
        LastNotifiedAt = now,
        UpdatedAt = now,
    };
}
