using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// What a platform says about a channel's credential reaches the dashboard and, before the channel goes blind, a
/// warning (docs/CHANNELS.md, "Credential health"). Loopback servers speak each platform's documented answers.
/// </summary>
public sealed class CredentialHealthTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> Facebook(LoopbackServer server) => new()
    {
        ["Monitor:Channels:0:Id"] = "fb",
        ["Monitor:Channels:0:Name"] = "Acme on Facebook",
        ["Monitor:Channels:0:Kind"] = "facebook-page",
        ["Monitor:Channels:0:Settings:graphUrl"] = server.BaseAddress + "v26.0/",
        ["Monitor:Channels:0:Settings:pageId"] = "137542570280222",
        ["Monitor:Channels:0:BrandAuthorIds:0"] = "137542570280222",
        ["Monitor:Channels:0:AccessToken"] = "page-token",
    };

    /// <summary>
    /// The documented answer of <c>GET /debug_token</c>
    /// (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/debugging): <c>expires_at</c> and
    /// <c>data_access_expires_at</c> in Unix seconds, <c>is_valid</c>, <c>scopes</c>.
    /// </summary>
    private static string DebugToken(bool valid, DateTimeOffset? expires, DateTimeOffset? dataAccess) =>
        $"{{\"data\":{{\"app_id\":\"138483919580948\",\"type\":\"PAGE\",\"application\":\"ResponseMonitor\",\"data_access_expires_at\":{dataAccess?.ToUnixTimeSeconds() ?? 0},"
        + $"\"expires_at\":{expires?.ToUnixTimeSeconds() ?? 0},\"is_valid\":{(valid ? "true" : "false")},\"scopes\":[\"pages_show_list\",\"pages_read_engagement\",\"pages_read_user_content\"],\"user_id\":\"10215241773831025\""
        + (valid ? "" : ",\"error\":{\"code\":190,\"message\":\"Error validating access token: The session has been invalidated because the user changed their password.\",\"subcode\":460}")
        + "}}";

    [Fact]
    public async Task A_token_that_ends_soon_shows_on_the_dashboard_and_warns_and_is_checked_twice_a_day()
    {
        var time = new FakeTimeProvider(Now);
        await using var server = await LoopbackServer.StartAsync();

        // Data access lapses before the token itself: the earlier end is the one that blinds the channel.
        server.Handler = ctx => Feed.Write(ctx, ctx.Request.Path.Value!.EndsWith("/debug_token", StringComparison.Ordinal)
            ? DebugToken(valid: true, Now.AddDays(40), Now.AddDays(3))
            : "{\"data\":[]}");
        await using var app = await TestApp.StartAsync(Facebook(server), time);
        var poller = app.Get<ChannelPoller>();
        var channel = app.Get<IChannelCatalog>().Find("fb")!;

        var first = await poller.PollChannelAsync(channel, null, CancellationToken.None);
        time.Advance(TimeSpan.FromHours(1));
        await poller.PollChannelAsync(channel, null, CancellationToken.None);
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("fb", CancellationToken.None);

        Assert.True(first.Succeeded, first.Error);
        var check = Assert.Single(server.Requests, r => r.PathAndQuery.Contains("/debug_token", StringComparison.Ordinal));   // once in 12 h
        Assert.Equal("Bearer page-token", check.Authorization);
        var credential = (await app.GetJsonAsync("/api/channels/fb"))["channel"]!["credential"]!;
        Assert.Equal("expiring", credential["state"]!.GetValue<string>());
        Assert.Equal(Now.AddDays(3), credential["expiresAt"]!.GetValue<DateTimeOffset>());
        Assert.False(credential["renewedByMonitor"]!.GetValue<bool>());
        Assert.Contains("PAGE token", credential["source"]!.GetValue<string>(), StringComparison.Ordinal);
        var warning = Assert.Single((await app.GetJsonAsync("/api/warnings?rule=credentials-expiring"))["items"]!.AsArray())!;
        Assert.Equal("warning", warning["severity"]!.GetValue<string>());
        Assert.Contains($"expire on {Now.AddDays(3).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC", warning["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // Twelve hours on, Meta is asked again.
        time.Advance(TimeSpan.FromHours(12));
        await poller.PollChannelAsync(channel, null, CancellationToken.None);
        Assert.Equal(2, server.Requests.Count(r => r.PathAndQuery.Contains("/debug_token", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_token_meta_calls_invalid_is_rejected_held_and_warned_about()
    {
        var time = new FakeTimeProvider(Now);
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => Feed.Write(ctx, ctx.Request.Path.Value!.EndsWith("/debug_token", StringComparison.Ordinal)
            ? DebugToken(valid: false, Now.AddDays(-1), null)
            : "{\"data\":[]}");
        await using var app = await TestApp.StartAsync(Facebook(server), time);
        var poller = app.Get<ChannelPoller>();

        var outcome = (await poller.PollAllAsync(CancellationToken.None)).Channels.Single();
        var asked = server.Requests.Count;
        await poller.PollAllAsync(CancellationToken.None);
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("fb", CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("no longer valid", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(asked, server.Requests.Count);                                   // held until someone renews it
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery.Contains("/feed", StringComparison.Ordinal));
        var summary = (await app.GetJsonAsync("/api/channels/fb"))["channel"]!;
        Assert.Equal("credentials-rejected", summary["pollState"]!.GetValue<string>());
        Assert.Equal("rejected", summary["credential"]!["state"]!.GetValue<string>());
        var warning = Assert.Single((await app.GetJsonAsync("/api/warnings?rule=credentials-rejected"))["items"]!.AsArray())!;
        Assert.Equal("critical", warning["severity"]!.GetValue<string>());
        Assert.Contains("The platform refuses the credentials of Acme on Facebook", warning["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("page-token", warning.ToJsonString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Bluesky's createSession answers an access and a refresh JWT (https://docs.bsky.app/docs/api/com-atproto-server-create-session);
    /// the refresh token's <c>exp</c> claim is the session's end, and the app password renews it, so it never warns.
    /// </summary>
    [Fact]
    public async Task A_bluesky_session_reports_its_refresh_lifetime_as_renewed_by_the_monitor()
    {
        var time = new FakeTimeProvider(Now);
        var refreshExp = Now.AddDays(90);
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var refreshJwt = Part("{\"typ\":\"refresh+jwt\",\"alg\":\"ES256K\"}") + "." + Part($"{{\"scope\":\"com.atproto.refresh\",\"sub\":\"did:plc:brand\",\"exp\":{refreshExp.ToUnixTimeSeconds()}}}") + ".c2ln";
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value switch
        {
            "/xrpc/com.atproto.server.createSession" => Feed.Write(ctx, $"{{\"accessJwt\":\"jwt-1\",\"refreshJwt\":\"{refreshJwt}\",\"did\":\"did:plc:brand\",\"handle\":\"acme.bsky.social\"}}"),
            _ => Feed.Write(ctx, "{\"feed\":[],\"notifications\":[]}"),
        };
        var settings = new Dictionary<string, string?>
        {
            ["Monitor:Channels:0:Id"] = "sky",
            ["Monitor:Channels:0:Kind"] = "bluesky",
            ["Monitor:Channels:0:Settings:serviceUrl"] = server.BaseAddress.ToString(),
            ["Monitor:Channels:0:Settings:actor"] = "acme.bsky.social",
            ["Monitor:Channels:0:BrandAuthorIds:0"] = "did:plc:brand",
            ["Monitor:Channels:0:AccessToken"] = "app-pass-1234",
        };
        await using var app = await TestApp.StartAsync(settings, time);

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(app.Get<IChannelCatalog>().Find("sky")!, null, CancellationToken.None);
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("sky", CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        var credential = (await app.GetJsonAsync("/api/channels/sky"))["channel"]!["credential"]!;
        Assert.Equal(("ok", refreshExp, true), (credential["state"]!.GetValue<string>(), credential["expiresAt"]!.GetValue<DateTimeOffset>(), credential["renewedByMonitor"]!.GetValue<bool>()));
        Assert.Empty((await app.GetJsonAsync("/api/warnings?rule=credentials-expiring"))["items"]!.AsArray());
        var state = await app.Get<IChannelStateStore>().GetAsync("sky", CancellationToken.None);
        Assert.DoesNotContain("jwt", System.Text.Json.JsonSerializer.Serialize(state), StringComparison.OrdinalIgnoreCase);
    }
}
