namespace ResponseMonitor.Domain.Warnings;

/// <summary>
/// Compares the stored warnings of a channel with the conditions that hold now: a condition with no active warning is
/// raised (or raised again, if its identity was resolved before); an active warning whose condition no longer holds
/// is resolved. Conditions already active change nothing, which is what makes a warning fire once.
/// </summary>
public static class WarningReconciler
{
    public static WarningChanges Reconcile(IReadOnlyCollection<WarningRecord> stored, IReadOnlyCollection<WarningCondition> conditions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(conditions);
        var byKey = stored.ToDictionary(w => w.Key, StringComparer.Ordinal);
        var holding = conditions.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);

        var toRaise = new List<WarningRecord>();
        foreach (var condition in conditions)
        {
            byKey.TryGetValue(condition.Key, out var existing);
            if (existing?.State == WarningState.Active)
            {
                continue;
            }

            toRaise.Add(new WarningRecord
            {
                ChannelId = condition.ChannelId,
                Rule = condition.Rule,
                Subject = condition.Subject,
                Severity = condition.Severity,
                State = WarningState.Active,
                Message = condition.Message,
                ItemUrl = condition.ItemUrl,
                Since = condition.Since,
                RaisedAt = now,
                TimesRaised = (existing?.TimesRaised ?? 0) + 1,
                Version = existing?.Version,
            });
        }

        var toResolve = stored
            .Where(w => w.State == WarningState.Active && !holding.Contains(w.Key))
            .Select(w => w with { State = WarningState.Resolved, ResolvedAt = now })
            .ToList();

        return new WarningChanges(toRaise, toResolve);
    }
}
