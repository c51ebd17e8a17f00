using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ResponseMonitor.App.Api.Webhooks;
using ResponseMonitor.Connectors;
using ResponseMonitor.Connectors.Platforms;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.EchoPlatform;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// The platform seam (docs/ARCHITECTURE.md, "Adding a platform"): a platform registered by one line is checked at
/// start-up by its own settings check, polled through its connector, pushed through its parser and emulated for the
/// demo, with no other code naming it.
/// </summary>
public sealed class PlatformSeamTests
{
    private const string Secret = "echo-webhook-secret";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> Echo(Uri? api, string? accountId = "acct-1") => new()
    {
        ["Monitor:Channels:0:Id"] = "e1",
        ["Monitor:Channels:0:Kind"] = EchoPlatform.EchoPlatform.KindName,
        ["Monitor:Channels:0:Settings:apiUrl"] = api?.ToString(),
        ["Monitor:Channels:0:Settings:accountId"] = accountId,
        ["Monitor:Channels:0:BrandAuthorIds:0"] = "brand",
        ["Monitor:Channels:0:AccessToken"] = "echo-token",
        ["Monitor:Channels:0:WebhookSecret"] = Secret,
    };

    private static void OneLine(Microsoft.Extensions.DependencyInjection.IServiceCollection services) => services.AddPlatform<EchoPlatform.EchoPlatform>();

    [Fact]
    public async Task An_unregistered_kind_is_refused_at_start_up_and_the_one_line_makes_it_known()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(Echo(new Uri("http://127.0.0.1:1/"))));
        Assert.Contains("Monitor:Channels:0 (e1): unknown Kind 'echo'; known kinds are bluesky, facebook-page, generic-feed, instagram, linkedin-page, mastodon, reddit, threads, tiktok, x, youtube.", error.Message, StringComparison.Ordinal);

        await using var app = await TestApp.StartAsync(Echo(new Uri("http://127.0.0.1:1/")), configure: OneLine);
        Assert.Contains("echo", app.Get<PlatformRegistry>().Kinds);
    }

    [Theory]
    [InlineData(null, "acct-1", "Monitor:Channels:0 (e1): an echo channel needs Settings:apiUrl (an absolute URL).")]
    [InlineData("ftp://host/", "acct-1", "Monitor:Channels:0 (e1): an echo channel needs Settings:apiUrl (an absolute URL).")]
    [InlineData("http://127.0.0.1:1/", null, "Monitor:Channels:0 (e1): an echo channel needs Settings:accountId.")]
    public async Task The_registered_platforms_own_check_names_the_setting_at_start_up(string? api, string? account, string expected)
    {
        var settings = Echo(api is null ? null : new Uri(api), account);
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(settings, configure: OneLine));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Settings:instanceUrl", null, "Monitor:Channels:0 (m): a mastodon channel needs Settings:instanceUrl (an absolute URL).")]
    [InlineData("Settings:accountId", null, "Monitor:Channels:0 (m): a mastodon channel needs Settings:accountId.")]
    [InlineData("Settings:contextLookback", "soon", "Monitor:Channels:0 (m): Settings:contextLookback 'soon' is not a positive duration like 3.00:00:00.")]
    public async Task A_mastodon_setting_missing_or_malformed_is_named_by_mastodons_own_check(string key, string? value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Monitor:Channels:0:Id"] = "m",
            ["Monitor:Channels:0:Kind"] = ChannelKinds.Mastodon,
            ["Monitor:Channels:0:Settings:instanceUrl"] = "https://mastodon.example/",
            ["Monitor:Channels:0:Settings:accountId"] = "109",
            ["Monitor:Channels:0:BrandAuthorIds:0"] = "109",
        };
        settings["Monitor:Channels:0:" + key] = value;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(settings));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);

        // The check is Mastodon's: its registry entry says the same of the same settings, with no app code between.
        await using var app = await TestApp.StartAsync(TestApp.Channel(0, "feed", new Uri("http://127.0.0.1:1/feed")));
        var bare = settings.Where(kv => kv.Key.StartsWith("Monitor:Channels:0:Settings:", StringComparison.Ordinal) && kv.Value is not null)
            .ToDictionary(kv => kv.Key["Monitor:Channels:0:Settings:".Length..], kv => kv.Value!);
        Assert.Contains(expected["Monitor:Channels:0 (m): ".Length..], app.Get<PlatformRegistry>().Check("m", ChannelKinds.Mastodon, bare));
    }

    [Fact]
    public async Task A_platform_registered_by_one_line_is_polled_and_pushed_through_its_own_parts()
    {
        await using var server = await LoopbackServer.StartAsync();
        var page = new JsonObject { ["comments"] = new JsonArray(EchoWire.Comment("p1", null, "brand", T0, "our post"), EchoWire.Comment("c1", "p1", "u1", T0.AddMinutes(2), "a question?")) };
        server.Handler = ctx => Feed.Write(ctx, page.ToJsonString());
        await using var app = await TestApp.StartAsync(Echo(server.BaseAddress), configure: OneLine);
        var channel = app.Get<IChannelCatalog>().Find("e1")!;

        // Polled: through the platform's connector, the shared client and the channel's token.
        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(channel, null, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/accounts/acct-1/comments", request.PathAndQuery);
        Assert.Equal("Bearer echo-token", request.Authorization);
        var stored = await app.Get<IItemStore>().GetAsync("e1", ["p1", "c1"], CancellationToken.None);
        Assert.Equal("a question?", stored["c1"].Text);

        // Pushed: the signed delivery in the echo format goes to the echo parser, which answers 200 (the generic feed's is 202).
        var body = new JsonObject { ["comments"] = new JsonArray(EchoWire.Comment("c2", "p1", "u2", T0.AddMinutes(5), "pushed")) }.ToJsonString();
        using var push = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/e1") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        push.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(Secret, Encoding.UTF8.GetBytes(body)));
        using var response = await app.Anonymous.SendAsync(push);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["stored"]!.GetValue<int>());
        Assert.Equal("pushed", (await app.Get<IItemStore>().GetAsync("e1", ["c2"], CancellationToken.None))["c2"].Text);

        // A delivery the echo parser cannot read is refused whole, as every platform's is.
        const string bad = "{\"items\":[]}";
        using var refused = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/e1") { Content = new StringContent(bad, Encoding.UTF8, "application/json") };
        refused.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(Secret, Encoding.UTF8.GetBytes(bad)));
        using var refusal = await app.Anonymous.SendAsync(refused);
        Assert.Equal(HttpStatusCode.BadRequest, refusal.StatusCode);
        Assert.Contains("Not an echo delivery", await refusal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credential_news_leaves_with_the_page_and_is_stored_whether_the_read_succeeds_or_fails()
    {
        var ends = new DateTimeOffset(2027, 1, 15, 0, 0, 0, TimeSpan.Zero);
        var status = 200;
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            ctx.Response.Headers[EchoConnector.TokenExpiresHeader] = ends.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            return Feed.Write(ctx, "{\"comments\":[]}", status);
        };
        await using var app = await TestApp.StartAsync(Echo(server.BaseAddress), configure: OneLine);
        var channel = app.Get<IChannelCatalog>().Find("e1")!;

        // The registered connector's page carries what the read learnt of the token; no other channel leads it out.
        var connector = app.Get<IEnumerable<IChannelConnector>>().Single(c => c.Kind == EchoPlatform.EchoPlatform.KindName);
        var pages = new List<ConnectorPage>();
        await foreach (var read in connector.ReadAsync(channel, null, CancellationToken.None))
        {
            pages.Add(read);
        }

        Assert.Equal(ends, Assert.Single(pages).Credential?.ExpiresAt);
        Assert.Equal("echo token", pages[0].Credential!.Source);

        // The poller stores it with the channel's state, where the dashboard reads it.
        Assert.True((await app.Get<ChannelPoller>().PollChannelAsync(channel, null, CancellationToken.None)).Succeeded);
        Assert.Equal(ends, (await app.Get<IChannelStateStore>().GetAsync("e1", CancellationToken.None))!.Credential?.ExpiresAt);

        // A read that fails after learning news still delivers it: one empty page, then the failure.
        (ends, status) = (ends.AddDays(30), 500);
        var failed = new List<ConnectorPage>();
        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(async () =>
        {
            await foreach (var read in connector.ReadAsync(channel, "read", CancellationToken.None))
            {
                failed.Add(read);
            }
        });
        var carrier = Assert.Single(failed);
        Assert.Empty(carrier.Items);
        Assert.Null(carrier.CursorAfterPage);
        Assert.Equal(ends, carrier.Credential?.ExpiresAt);

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(channel, "read", CancellationToken.None);
        Assert.False(outcome.Succeeded);
        var state = (await app.Get<IChannelStateStore>().GetAsync("e1", CancellationToken.None))!;
        Assert.Equal(ends, state.Credential?.ExpiresAt);
        Assert.Equal("read", state.Cursor);
        Assert.NotNull(state.LastPollError);
        Assert.Contains("500", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_item_leaves_storage_where_its_platform_declares_so_and_is_redacted_elsewhere()
    {
        await using var server = await LoopbackServer.StartAsync();
        var page = new JsonObject { ["comments"] = new JsonArray(EchoWire.Comment("p1", null, "brand", T0, "our post"), EchoWire.Comment("c1", "p1", "u1", T0.AddMinutes(2), "a question?")) };
        server.Handler = ctx => ctx.Request.Path.StartsWithSegments("/feed", StringComparison.Ordinal)
            ? Feed.Write(ctx, "{\"items\":[]}")
            : Feed.Write(ctx, page.ToJsonString());
        var settings = Echo(server.BaseAddress);
        foreach (var (key, value) in TestApp.Channel(1, "f1", new Uri(server.BaseAddress, "feed")))
        {
            settings[key] = value;
        }

        await using var app = await TestApp.StartAsync(settings, configure: OneLine);
        var catalog = app.Get<IChannelCatalog>();
        var echo = catalog.Find("e1")!;
        var feed = catalog.Find("f1")!;
        Assert.True((await app.Get<ChannelPoller>().PollChannelAsync(echo, null, CancellationToken.None)).Succeeded);
        var comment = new Domain.Conversations.ContentItem { Id = "c1", ParentId = "p1", Kind = Domain.Conversations.ItemKind.Comment, AuthorId = "u1", CreatedAt = T0.AddMinutes(2), Text = "a question?" };
        await app.Get<Domain.Ingestion.IngestionService>().IngestAsync(feed, [comment], CancellationToken.None);

        // Each platform declares it; the domain asks the registry and names none.
        var policy = app.Get<IDeletionPolicy>();
        Assert.True(policy.PurgesDeleted(EchoPlatform.EchoPlatform.KindName));
        Assert.True(policy.PurgesDeleted(ChannelKinds.Reddit));
        Assert.True(policy.PurgesDeleted(ChannelKinds.X));
        Assert.False(policy.PurgesDeleted(ChannelKinds.GenericFeed));
        Assert.False(policy.PurgesDeleted(ChannelKinds.Mastodon));
        Assert.False(policy.PurgesDeleted("no-such-kind"));

        var deleted = new Domain.Conversations.ItemStateChange("c1", Domain.Conversations.ItemState.Deleted, T0.AddHours(1));
        var states = app.Get<Domain.Ingestion.ItemStateService>();
        Assert.Equal(1, await states.ApplyAsync(echo, [deleted], CancellationToken.None));
        Assert.Equal(1, await states.ApplyAsync(feed, [deleted], CancellationToken.None));

        // The echo platform's comment is gone, row and all; the feed's keeps its place without text or author.
        Assert.Equal(["p1"], (await app.Get<IItemStore>().GetAsync("e1", ["p1", "c1"], CancellationToken.None)).Keys);
        var kept = Assert.Single(await app.Get<IItemStore>().GetAsync("f1", ["c1"], CancellationToken.None)).Value;
        Assert.Equal(Domain.Conversations.ItemState.Deleted, kept.State);
        Assert.Equal("", kept.Text);
        Assert.NotEqual("u1", kept.AuthorId);
    }

    [Fact]
    public async Task A_platforms_demo_emulator_answers_what_its_connector_reads()
    {
        // The emulator's answer served on loopback, as App/Demo's one route does, and read by the real connector.
        var emulator = new EchoPlatform.EchoPlatform().DemoEmulator!;
        var items = new List<DemoItem> { new("d1", null, "brand", "Brand", T0, "demo post", "http://demo/d1"), new("d2", "d1", "u9", "Nine", T0.AddMinutes(1), "demo question?", "http://demo/d2") };
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            var answer = emulator.Answer(new DemoRequest("e1", ctx.Request.Method, ctx.Request.Path.Value!.TrimStart('/'), items, "brand", T0, KeyChecked: true, default, _ => false));
            return answer is null ? Feed.Write(ctx, "{}", 404) : Feed.Write(ctx, answer.Json, answer.StatusCode);
        };
        await using var app = await TestApp.StartAsync(Echo(server.BaseAddress), configure: OneLine);

        var outcome = await app.Get<ChannelPoller>().PollChannelAsync(app.Get<IChannelCatalog>().Find("e1")!, null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        var stored = await app.Get<IItemStore>().GetAsync("e1", ["d1", "d2"], CancellationToken.None);
        Assert.Equal(["d1", "d2"], stored.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("d1", stored["d2"].ParentId);
        Assert.Same(emulator.GetType(), app.Get<PlatformRegistry>().Emulator("echo")!.GetType());
    }
}
