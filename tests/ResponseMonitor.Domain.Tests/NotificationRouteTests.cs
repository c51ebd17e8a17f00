using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Tests;

public sealed class NotificationRouteTests
{
    [Fact]
    public void A_route_matches_on_brand_channel_rule_and_minimum_severity_and_empty_lists_match_anything()
    {
        var route = new NotificationRoute { Brands = ["acme"], Channels = ["ig"], Rules = [WarningRules.CriticIgnored], MinSeverity = WarningSeverity.Warning, Sinks = ["care"] };
        Assert.True(route.Matches("ACME", "IG", WarningRules.CriticIgnored, WarningSeverity.Critical));
        Assert.False(route.Matches("other", "ig", WarningRules.CriticIgnored, WarningSeverity.Critical));
        Assert.False(route.Matches("acme", "fb", WarningRules.CriticIgnored, WarningSeverity.Critical));
        Assert.False(route.Matches("acme", "ig", WarningRules.BrandSilent, WarningSeverity.Critical));
        Assert.False(route.Matches("acme", "ig", WarningRules.CriticIgnored, WarningSeverity.Info));
        Assert.True(new NotificationRoute { Sinks = ["all"] }.Matches("any", "any", WarningRules.BacklogSpike, WarningSeverity.Info));
    }
}
