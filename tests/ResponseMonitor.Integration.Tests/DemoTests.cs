using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using ResponseMonitor.Integration.Tests.Infrastructure;
using ResponseMonitor.Storage;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// What ./run.sh promises, run standalone as run.sh runs it: the demo brand's channels served by the app itself, its
/// own timer and queue listener, both warnings within a minute, and a restart that duplicates nothing.
/// </summary>
public sealed class DemoTests
{
    private static Dictionary<string, string?> DemoSettings(int port) => new()
    {
        ["urls"] = $"http://127.0.0.1:{port}",
        ["Hosting:Triggers"] = "true",
        ["Demo:Enabled"] = "true",
        ["Demo:BaseUrl"] = $"http://127.0.0.1:{port}",
    };

    private static async Task<Dictionary<string, JsonNode?>> WaitForAnalyses(TestApp app, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var channels = (await app.GetJsonAsync("/api/dashboard"))["channels"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<string>());
            var behind = channels.Values.Where(c => c!["lastPollSucceededAt"] is null || c["analyzedAt"] is null
                || DateTimeOffset.Parse(c["analyzedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) < DateTimeOffset.Parse(c["lastPollSucceededAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
            if (behind.Count == 0 || DateTime.UtcNow > until)
            {
                return channels;
            }

            await Task.Delay(500);
        }
    }

    private static async Task<JsonNode> WaitForWarnings(TestApp app, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var warnings = await app.GetJsonAsync("/api/warnings");
            var rules = warnings["items"]!.AsArray().Select(w => w!["rule"]!.GetValue<string>()).ToList();
            if ((rules.Contains("brand-silent") && rules.Contains("not-listening") && rules.Count(r => r == "critic-ignored") >= 3) || DateTime.UtcNow > until)
            {
                return warnings;
            }

            await Task.Delay(250);
        }
    }

    private static async Task<int> CountItems(TestApp app)
    {
        var count = 0;
        await foreach (var _ in app.Get<StorageClients>().Tables.GetTableClient(app.Prefix + "Items").QueryAsync<TableEntity>())
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// The demo's one platform route hands each request to the emulator of the channel's kind: GETs need the key, a
    /// path the platform does not have is 404, and the only unkeyed call, Bluesky's createSession, checks its password.
    /// </summary>
    [Fact]
    public async Task The_demo_platform_route_dispatches_by_kind_and_keeps_the_key()
    {
        var port = AzuriteEnvironment.FreePort();
        var settings = DemoSettings(port);
        settings["Hosting:Triggers"] = "false";
        await using var app = await TestApp.StartAsync(settings);

        using var anonymous = await app.Anonymous.GetAsync("/api/demo/platforms/acme-mastodon/api/v1/notifications");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var notifications = JsonNode.Parse(await app.Client.GetStringAsync("/api/demo/platforms/acme-mastodon/api/v1/notifications"))!.AsArray();
        Assert.All(notifications, n => Assert.Equal("mention", n!["type"]!.GetValue<string>()));
        Assert.NotEmpty(JsonNode.Parse(await app.Client.GetStringAsync("/api/demo/platforms/acme-x/2/users/1001/mentions"))!["data"]!.AsArray());

        using var unknown = await app.Client.GetAsync("/api/demo/platforms/acme-mastodon/2/users/1001/mentions");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        using var unkeyedPost = await app.Anonymous.PostAsync("/api/demo/platforms/acme-mastodon/api/v1/notifications", new StringContent("{}"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unkeyedPost.StatusCode);

        const string Session = "/api/demo/platforms/acme-bluesky/xrpc/com.atproto.server.createSession";
        using var wrong = await app.Anonymous.PostAsync(Session, new StringContent("{\"identifier\":\"acme\",\"password\":\"not-the-key\"}"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var right = await app.Anonymous.PostAsync(Session, new StringContent("{\"identifier\":\"acme\",\"password\":\"" + TestApp.ApiKey + "\"}"));
        Assert.Equal(TestApp.ApiKey, JsonNode.Parse(await right.Content.ReadAsStringAsync())!["accessJwt"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_demo_shows_the_silent_channel_and_the_waiting_critics_and_a_restart_duplicates_nothing()
    {
        var port = AzuriteEnvironment.FreePort();
        var prefix = TestApp.NewPrefix();
        int stored;
        await using (var app = await TestApp.StartAsync(DemoSettings(port), sharedPrefix: prefix))
        {
            var warnings = await WaitForWarnings(app, TimeSpan.FromMinutes(1));
            var items = warnings["items"]!.AsArray();
            Assert.Contains(items, w => w!["rule"]!.GetValue<string>() == "brand-silent" && w["channelId"]!.GetValue<string>() == "acme-forum");
            // The blog posts four times in a week while three of its four questions wait, none yet past its target (docs/WARNINGS.md, not-listening).
            Assert.Contains(items, w => w!["rule"]!.GetValue<string>() == "not-listening" && w["channelId"]!.GetValue<string>() == "acme-blog"
                && w["message"]!.GetValue<string>().StartsWith("The brand posted 4 times in 7 days on Acme Outdoor blog (posting, not listening) while 3 comments waited", StringComparison.Ordinal));
            var critics = items.Where(w => w!["rule"]!.GetValue<string>() == "critic-ignored").Select(w => w!["subject"]!.GetValue<string>()).Order().ToArray();
            Assert.Equal(["fb-c1", "fb-c2", "fb-c3"], critics);   // English, Spanish and German critics, each waiting over a day

            // The warnings come from the first channels analysed; wait until every channel's analysis has followed its poll.
            var channels = await WaitForAnalyses(app, TimeSpan.FromMinutes(1));

            // One channel of each kind, each read by its real connector from the demo's emulation of its platform.
            Assert.Equal(
                ["bluesky", "facebook-page", "generic-feed", "generic-feed", "instagram", "linkedin-page", "mastodon", "reddit", "threads", "tiktok", "x", "youtube"],
                channels.Values.Select(c => c!["kind"]!.GetValue<string>()).Order().ToArray());
            Assert.All(channels.Values, c => Assert.True(c!["pollError"] is null && c["lastPollSucceededAt"] is not null, $"{c!["id"]}: {c["pollError"]}"));
            Assert.Equal(1, channels["acme-youtube"]!["openCount"]!.GetValue<int>());          // Marco's question
            // Reddit's emulator serves the submission's whole tree (docs/CHANNELS.md): the public's comments wait there,
            // and the one whose author deletes it three minutes in is read as Reddit's "[deleted]" (RedditConnectorTests).
            var reddit = await app.GetJsonAsync("/api/unanswered?channel=acme-reddit");
            Assert.Equal(["t1_rdc2", "t1_rdc3", "t1_rdc4", "t1_rdc5"], reddit["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray());
            Assert.Equal(4, channels["acme-reddit"]!["openCount"]!.GetValue<int>());   // hiker42's question has the brand's answer
            Assert.True(channels["acme-forum"]!["silentForSeconds"]!.GetValue<double>() > TimeSpan.FromDays(7).TotalSeconds);
            var facebook = channels["acme-facebook"]!;
            Assert.Equal(4, facebook["criticalOpenCount"]!.GetValue<int>());
            // Comments under an ad: the ad post is not in the Page's feed, only in ads_posts (read with includeAds);
            // Rosa was answered by the Page, Tom waits.
            var facebookWaiting = (await app.GetJsonAsync("/api/unanswered?channel=acme-facebook&limit=100"))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToArray();
            Assert.Contains("fbad-c2", facebookWaiting);
            Assert.DoesNotContain("fbad-c1", facebookWaiting);
            Assert.InRange(facebook["oldestOpenAgeSeconds"]!.GetValue<double>(), TimeSpan.FromHours(50).TotalSeconds, TimeSpan.FromHours(51).TotalSeconds);
            var instagram = channels["acme-instagram"]!;
            Assert.Equal(1050, instagram["medianFirstResponseSeconds"]!.GetValue<double>());   // 10, 15, 20 and 30 min
            Assert.Empty(instagram["activeWarnings"]!.AsArray());
            Assert.Equal(1, instagram["excludedCount"]!.GetValue<int>());                         // Maria's "Perfect, thanks! 🙌"

            // The demo Graph answers debug_token: the Page's data access lapses in five days, Instagram's in eighty.
            Assert.Equal("expiring", facebook["credential"]!["state"]!.GetValue<string>());
            Assert.False(facebook["credential"]!["renewedByMonitor"]!.GetValue<bool>());
            Assert.Equal("ok", instagram["credential"]!["state"]!.GetValue<string>());

            var waiting = await app.GetJsonAsync("/api/unanswered?critical=true");
            Assert.Equal(["de", "en", "en", "es"], waiting["items"]!.AsArray().Select(i => i!["language"]!.GetValue<string>()).Order().ToArray());
            // With no sink configured, the demo's own loopback sink receives the warnings: the outbox shows one sent.
            var until = DateTime.UtcNow.AddMinutes(1);
            JsonArray sent;
            do
            {
                sent = (await app.GetJsonAsync("/api/notifications?status=sent"))["items"]!.AsArray();
            }
            while (sent.Count == 0 && DateTime.UtcNow < until && await Task.Delay(250).ContinueWith(_ => true));
            Assert.Contains(sent, d => d!["sink"]!.GetValue<string>() == ResponseMonitor.App.Demo.DemoInbox.SinkName);
            Assert.True(app.Get<ResponseMonitor.App.Demo.DemoInbox>().Count > 0);

            stored = await CountItems(app);   // every seed item of the twelve channels but the YouTube video, which is not read as an item
        }

        await using (var restarted = await TestApp.StartAsync(DemoSettings(port), sharedPrefix: prefix))
        {
            await WaitForWarnings(restarted, TimeSpan.FromMinutes(1));
            Assert.Equal(stored, await CountItems(restarted));
            var all = await restarted.GetJsonAsync("/api/warnings?state=all");
            // The restart re-read and re-analysed everything: nothing fired a second time.
            Assert.True(all["items"]!.AsArray().Count >= 4);
            Assert.All(all["items"]!.AsArray(), w => Assert.Equal(1, w!["timesFired"]!.GetValue<int>()));
        }
    }
}
