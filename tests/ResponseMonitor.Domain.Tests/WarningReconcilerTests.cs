using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Tests;

public sealed class WarningReconcilerTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    private static WarningCondition Condition(string subject) =>
        new(WarningRules.CriticIgnored, "c1", subject, WarningSeverity.Critical, Now.AddHours(-1), "msg");

    private static WarningRecord Stored(string subject, WarningState state, int timesRaised = 1) => new()
    {
        ChannelId = "c1",
        Rule = WarningRules.CriticIgnored,
        Subject = subject,
        Severity = WarningSeverity.Critical,
        State = state,
        Message = "msg",
        Since = Now.AddHours(-5),
        RaisedAt = Now.AddHours(-5),
        TimesRaised = timesRaised,
        Version = "etag-" + subject,
    };

    [Fact]
    public void A_new_condition_is_raised_without_a_version()
    {
        var changes = WarningReconciler.Reconcile([], [Condition("x")], Now);
        var raised = Assert.Single(changes.ToRaise);
        Assert.Equal((WarningState.Active, 1, (string?)null, Now), (raised.State, raised.TimesRaised, raised.Version, raised.RaisedAt));
        Assert.Empty(changes.ToResolve);
    }

    [Fact]
    public void An_active_warning_that_still_holds_changes_nothing()
    {
        var changes = WarningReconciler.Reconcile([Stored("x", WarningState.Active)], [Condition("x")], Now);
        Assert.Empty(changes.ToRaise);
        Assert.Empty(changes.ToResolve);
    }

    [Fact]
    public void An_active_warning_that_stopped_holding_is_resolved_with_its_version()
    {
        var changes = WarningReconciler.Reconcile([Stored("x", WarningState.Active)], [], Now);
        var resolved = Assert.Single(changes.ToResolve);
        Assert.Equal((WarningState.Resolved, (DateTimeOffset?)Now, "etag-x"), (resolved.State, resolved.ResolvedAt, resolved.Version));
    }

    [Fact]
    public void A_resolved_warning_whose_condition_returns_is_raised_again()
    {
        var changes = WarningReconciler.Reconcile([Stored("x", WarningState.Resolved, timesRaised: 1)], [Condition("x")], Now);
        var raised = Assert.Single(changes.ToRaise);
        Assert.Equal((2, "etag-x"), (raised.TimesRaised, raised.Version));
    }

    [Fact]
    public void A_resolved_warning_without_its_condition_stays_resolved()
    {
        var changes = WarningReconciler.Reconcile([Stored("x", WarningState.Resolved)], [], Now);
        Assert.Empty(changes.ToRaise);
        Assert.Empty(changes.ToResolve);
    }
}
