using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Tests;

/// <summary>The lifecycle: pending → firing → resolved, with for, escalation, reminders and flaps.</summary>
public sealed class WarningReconcilerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static WarningCondition Critic(WarningSeverity severity = WarningSeverity.Critical, string subject = "m1") =>
        new(WarningRules.CriticIgnored, "c1", subject, severity, T0.AddHours(-1), $"critic {severity}");

    /// <summary>Applies transitions the way the store does, so a test can run the lifecycle over many evaluations.</summary>
    private sealed class Run(WarningRuleSettings settings)
    {
        private readonly Dictionary<string, WarningRecord> _stored = [];

        public List<(DateTimeOffset At, string Event, bool Notify)> Events { get; } = [];

        public WarningRecord Only => Assert.Single(_stored.Values);

        public IReadOnlyList<WarningTransition> At(DateTimeOffset now, params WarningCondition[] conditions)
        {
            var transitions = WarningReconciler.Reconcile(_stored.Values.ToList(), conditions, settings, now);
            foreach (var t in transitions)
            {
                _stored[t.Warning.Key] = t.Warning;
                Events.Add((now, t.Event, t.Notify));
            }

            return transitions;
        }
    }

    [Fact]
    public void Without_a_for_delay_a_condition_fires_at_once_and_only_once()
    {
        var run = new Run(new WarningRuleSettings());
        var first = Assert.Single(run.At(T0, Critic()));
        Assert.Equal((WarningEvents.Firing, true, WarningState.Firing, 1), (first.Event, first.Notify, first.Warning.State, first.Warning.TimesFired));
        Assert.Equal(T0, first.Warning.FiredAt);

        Assert.Empty(run.At(T0.AddMinutes(5), Critic()));
        Assert.Empty(run.At(T0.AddMinutes(10), Critic()));
    }

    [Fact]
    public void With_a_for_delay_it_is_pending_until_the_condition_has_held_that_long()
    {
        var run = new Run(new WarningRuleSettings { For = TimeSpan.FromMinutes(10) });
        Assert.Equal((WarningEvents.Pending, false), (run.At(T0, Critic())[0].Event, run.Events[0].Notify));
        Assert.Empty(run.At(T0.AddMinutes(5), Critic()));
        var firing = Assert.Single(run.At(T0.AddMinutes(10), Critic()));
        Assert.Equal((WarningEvents.Firing, true, T0), (firing.Event, firing.Notify, firing.Warning.ObservedAt));
    }

    [Fact]
    public void A_flapping_condition_never_fires_and_nobody_is_told()
    {
        var run = new Run(new WarningRuleSettings { For = TimeSpan.FromMinutes(10) });
        for (var i = 0; i < 8; i++)
        {
            // On for 5 minutes, off for 5 minutes, four times over.
            if (i % 2 == 0)
            {
                run.At(T0.AddMinutes(5 * i), Critic());
            }
            else
            {
                run.At(T0.AddMinutes(5 * i));
            }
        }

        Assert.Equal(
            [WarningEvents.Pending, WarningEvents.Inactive, WarningEvents.Pending, WarningEvents.Inactive, WarningEvents.Pending, WarningEvents.Inactive, WarningEvents.Pending, WarningEvents.Inactive],
            run.Events.Select(e => e.Event));
        Assert.DoesNotContain(run.Events, e => e.Notify);
        Assert.Equal((WarningState.Inactive, 0), (run.Only.State, run.Only.TimesFired));
    }

    [Fact]
    public void A_pre_warning_that_crosses_the_threshold_is_escalated()
    {
        var run = new Run(new WarningRuleSettings());
        run.At(T0, Critic(WarningSeverity.Warning));
        var escalated = Assert.Single(run.At(T0.AddHours(1), Critic(WarningSeverity.Critical)));
        Assert.Equal((WarningEvents.Escalated, true, WarningSeverity.Critical, "critic Critical"), (escalated.Event, escalated.Notify, escalated.Warning.Severity, escalated.Warning.Message));
        Assert.Equal(1, escalated.Warning.TimesFired);
    }

    [Fact]
    public void A_warning_that_keeps_firing_is_repeated_every_repeat_interval()
    {
        var run = new Run(new WarningRuleSettings { RepeatInterval = TimeSpan.FromHours(4) });
        run.At(T0, Critic());
        Assert.Empty(run.At(T0.AddHours(3).AddMinutes(55), Critic()));
        Assert.Equal(WarningEvents.Reminder, Assert.Single(run.At(T0.AddHours(4), Critic())).Event);
        Assert.Empty(run.At(T0.AddHours(7), Critic()));
        Assert.Equal(WarningEvents.Reminder, Assert.Single(run.At(T0.AddHours(8), Critic())).Event);
    }

    [Fact]
    public void When_the_condition_ends_a_firing_warning_is_resolved_and_can_fire_again_later()
    {
        var run = new Run(new WarningRuleSettings());
        run.At(T0, Critic());
        var resolved = Assert.Single(run.At(T0.AddMinutes(30)));
        Assert.Equal((WarningEvents.Resolved, true, WarningState.Resolved, T0.AddMinutes(30)), (resolved.Event, resolved.Notify, resolved.Warning.State, resolved.Warning.ResolvedAt));
        Assert.Empty(run.At(T0.AddMinutes(35)));

        var again = Assert.Single(run.At(T0.AddHours(2), Critic()));
        Assert.Equal((WarningEvents.Firing, 2, (DateTimeOffset?)null), (again.Event, again.Warning.TimesFired, again.Warning.ResolvedAt));
    }

    [Fact]
    public void Resolved_notices_can_be_turned_off()
    {
        var run = new Run(new WarningRuleSettings { SendResolved = false });
        run.At(T0, Critic());
        var resolved = Assert.Single(run.At(T0.AddMinutes(30)));
        Assert.Equal((WarningEvents.Resolved, false), (resolved.Event, resolved.Notify));
    }

    [Fact]
    public void Spikes_wait_for_their_own_for_delay()
    {
        var run = new Run(new WarningRuleSettings { SpikeFor = TimeSpan.FromMinutes(15) });
        var spike = new WarningCondition(WarningRules.BacklogSpike, "c1", "c1", WarningSeverity.Warning, T0, "spike");
        Assert.Equal(WarningEvents.Pending, run.At(T0, spike, Critic())[0].Event);
        Assert.Equal(WarningEvents.Firing, run.Events[1].Event);      // the critic, for = 0
        Assert.Equal(WarningEvents.Firing, Assert.Single(run.At(T0.AddMinutes(15), spike, Critic())).Event);
    }
}
