using Microsoft.Extensions.Options;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>Bad configuration stops the app at start-up with a message that names the setting.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("PollSchedule", "every five minutes", "PollSchedule 'every five minutes' is not a six-field NCRONTAB")]
    [InlineData("Monitor:Channels:1:Id", "ch", "the id 'ch' is used twice")]
    [InlineData("Monitor:Channels:0:FeedUrl", "not a url", "needs an absolute FeedUrl")]
    [InlineData("Monitor:Channels:0:BrandAuthorIds:0", null, "at least one brand author id")]
    [InlineData("Api:Key", "short", "Api:Key must be at least 16 characters")]
    [InlineData("Monitor:Channels:0:Kind", "myspace", "unknown Kind 'myspace'")]
    [InlineData("Notifications:WebhookUrl", "not a url", "Notifications:Sinks:webhook:Url is not an absolute http(s) URL")]
    [InlineData("Notifications:Sinks:team:Type", "pager", "Notifications:Sinks:team:Type 'pager' is not one of webhook, teams, slack, email")]
    [InlineData("Notifications:Routes:0:Sinks:0", "nowhere", "Notifications:Routes:0 names sink 'nowhere', which is not configured")]
    [InlineData("Notifications:Sinks:mail:Type", "email", "an email sink needs Host, From and at least one To")]
    [InlineData("Monitor:Channels:0:Warnings:PreWarningAt", "1.5", "PreWarningAt must be between 0 and 1")]
    [InlineData("Monitor:Warnings:DisabledRules:0", "gossip", "DisabledRules names unknown rule 'gossip'")]
    [InlineData("Monitor:Channels:0:BusinessHours:Monday", "18:00-09:00", "business hours: '18:00-09:00' must close after it opens")]
    [InlineData("Monitor:BusinessHours:Friday", "9-17", "business hours: '9-17' is not an opening interval like 09:00-18:00")]
    [InlineData("Monitor:Channels:0:Kind", "mastodon", "a mastodon channel needs Settings:instanceUrl")]
    [InlineData("Monitor:Channels:0:Kind", "tiktok", "a tiktok channel needs Settings:businessId")]
    [InlineData("Monitor:Channels:0:Kind", "linkedin-page", "a linkedin-page channel needs Settings:organizationId")]
    [InlineData("Storage:Prefix", "Bad_Prefix", "Storage:Prefix must be 1-20 lower-case letters")]
    public async Task A_bad_setting_fails_start_up_naming_it(string key, string? value, string expected)
    {
        var settings = TestApp.Merge(
            TestApp.Channel(0, "ch", new Uri("http://127.0.0.1:1/feed")),
            new Dictionary<string, string?> { ["Hosting:Triggers"] = "true", ["RunOnStartup"] = "false" });
        if (key.StartsWith("Monitor:Channels:1", StringComparison.Ordinal))
        {
            settings = TestApp.Merge(settings, TestApp.Channel(1, "other", new Uri("http://127.0.0.1:1/feed")));
        }

        settings[key] = value;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(settings));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_left_empty_by_the_deployment_mean_not_configured()
    {
        // The Bicep writes '' for optional settings it has no value for; the app must start with them.
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:WebhookUrl"] = "",
            ["Notifications:WebhookSecret"] = "",
        });
        Assert.Empty(app.Get<Domain.Notifications.INotificationSinkCatalog>().Sinks);
    }

    [Fact]
    public async Task Standalone_without_an_api_key_refuses_to_start()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(new Dictionary<string, string?>
        {
            ["Hosting:Triggers"] = "true",
            ["Api:Key"] = "",
        }));
        Assert.Contains("Api:Key is required", error.Message, StringComparison.Ordinal);
    }
}
