using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// The LinkedIn page connector against a loopback server speaking the Community Management API: the Posts API's
/// "find posts by author" and its required headers (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api),
/// the Comments API on posts and comments (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api),
/// Rest.li collections (<c>paging</c>, <c>elements</c>), error bodies (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling),
/// rate limits (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits) and programmatic
/// refresh tokens (https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens).
/// </summary>
public sealed class LinkedInConnectorTests
{
    private const string Org = "urn:li:organization:5515715";
    private const string Post = "urn:li:share:7100";
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> Channel(LoopbackServer server, string token = "li-access") => new()
    {
        ["Monitor:Channels:0:Id"] = "li",
        ["Monitor:Channels:0:Kind"] = "linkedin-page",
        ["Monitor:Channels:0:Settings:apiUrl"] = server.BaseAddress.ToString(),
        ["Monitor:Channels:0:Settings:authUrl"] = server.BaseAddress.ToString(),
        ["Monitor:Channels:0:Settings:organizationId"] = "5515715",
        ["Monitor:Channels:0:BrandAuthorIds:0"] = Org,
        ["Monitor:Channels:0:AccessToken"] = token,
    };

    private static ChannelDefinition Definition(TestApp app) => app.Get<IChannelCatalog>().Find("li")!;

    private static async Task<ChannelState> State(TestApp app) => (await app.Get<IChannelStateStore>().GetAsync("li", CancellationToken.None))!;

    private static string Collection(IEnumerable<JsonObject> elements)
    {
        var array = new JsonArray([.. elements.Select(e => (JsonNode)e.DeepClone())]);
        return new JsonObject { ["paging"] = new JsonObject { ["start"] = 0, ["count"] = 50, ["total"] = array.Count, ["links"] = new JsonArray() }, ["elements"] = array }.ToJsonString();
    }

    private static JsonObject PostOf(string id, DateTimeOffset at) => new()
    {
        ["id"] = id, ["author"] = Org, ["commentary"] = "New store opens today", ["visibility"] = "PUBLIC", ["lifecycleState"] = "PUBLISHED",
        ["createdAt"] = at.ToUnixTimeMilliseconds(), ["publishedAt"] = at.ToUnixTimeMilliseconds(), ["lastModifiedAt"] = at.ToUnixTimeMilliseconds(),
    };

    private static string Urn(int id) => $"urn:li:comment:(urn:li:activity:7100,{id})";

    private static JsonObject CommentOf(int id, string actor, DateTimeOffset at, string text, int? parent = null, int replies = 0) => new()
    {
        ["$URN"] = Urn(id), ["commentUrn"] = Urn(id), ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["actor"] = actor, ["object"] = "urn:li:activity:7100",
        ["parentComment"] = parent is { } p ? Urn(p) : null,
        ["created"] = new JsonObject { ["actor"] = actor, ["time"] = at.ToUnixTimeMilliseconds() },
        ["lastModified"] = new JsonObject { ["actor"] = actor, ["time"] = at.ToUnixTimeMilliseconds() },
        ["message"] = new JsonObject { ["text"] = text, ["attributes"] = new JsonArray() },
        ["commentsSummary"] = new JsonObject { ["totalFirstLevelComments"] = replies, ["aggregatedTotalComments"] = replies },
    };

    /// <summary>
    /// First poll: the page's posts inside the look-back, each post's comments and the replies under a comment that has
    /// some; the page's answer (actor = the organization) is the brand's. Headers: Bearer token, LinkedIn-Version,
    /// X-Restli-Protocol-Version 2.0.0; URNs URL-encoded in paths. Steady poll: an edited comment (lastModified after
    /// created) replaces the stored text, one missing from the complete read is deleted; a third poll stores nothing.
    /// </summary>
    [Fact]
    public async Task First_and_steady_polls_read_comments_and_replies_with_the_pages_answers_edits_and_deletions()
    {
        var time = new FakeTimeProvider(Now);
        var top = new List<JsonObject>
        {
            CommentOf(7201, "urn:li:person:AbC12", Now.AddHours(-5), "Your support line is down", replies: 1),
            CommentOf(7203, "urn:li:person:QrS56", Now.AddHours(-3), "Any news on the Denver store?"),
        };
        var replies = new List<JsonObject> { CommentOf(7202, Org, Now.AddHours(-4), "Fixed now, thanks for telling us.", parent: 7201) };
        var raw = new List<string>();
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            raw.Add(ctx.Features.Get<IHttpRequestFeature>()!.RawTarget);
            return ctx.Request.Path.Value switch
            {
                "/posts" => Feed.Write(ctx, Collection([PostOf(Post, Now.AddDays(-1)), PostOf("urn:li:ugcPost:6900", Now.AddDays(-40))])),
                "/socialActions/" + Post + "/comments" => Feed.Write(ctx, Collection(top)),
                var path when path == $"/socialActions/{Urn(7201)}/comments" => Feed.Write(ctx, Collection(replies)),
                _ => Feed.Write(ctx, "{\"message\":\"Not found\",\"status\":404}", 404),
            };
        };
        await using var app = await TestApp.StartAsync(Channel(server), time);

        var first = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.True(first.Succeeded, first.Error);
        var stored = await app.Get<IItemStore>().GetAsync("li", [Post, Urn(7201), Urn(7202), Urn(7203), "urn:li:ugcPost:6900"], CancellationToken.None);
        Assert.Equal(4, stored.Count);
        Assert.Equal((ItemKind.Post, Org), (stored[Post].Kind, stored[Post].AuthorId));
        Assert.Equal((Post, "urn:li:person:AbC12"), (stored[Urn(7201)].ParentId, stored[Urn(7201)].AuthorId));
        Assert.Equal((Urn(7201), Org), (stored[Urn(7202)].ParentId, stored[Urn(7202)].AuthorId));
        Assert.Equal("https://www.linkedin.com/feed/update/urn:li:activity:7100/", stored[Urn(7201)].Url);
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("Bearer li-access", r.Authorization);
            Assert.Equal("202607", r.Headers["LinkedIn-Version"]);
            Assert.Equal("2.0.0", r.Headers["X-Restli-Protocol-Version"]);
        });
        Assert.Contains("/posts?author=urn%3Ali%3Aorganization%3A5515715&q=author&count=50&start=0", raw);
        Assert.Contains("/socialActions/urn%3Ali%3Acomment%3A%28urn%3Ali%3Aactivity%3A7100%2C7201%29/comments?start=0&count=50", raw);

        time.Advance(TimeSpan.FromHours(1));
        top[1] = CommentOf(7203, "urn:li:person:QrS56", Now.AddHours(-3), "Any news on the Denver store? It is an hour later.");
        top[1]["lastModified"]!["time"] = time.GetUtcNow().AddMinutes(-1).ToUnixTimeMilliseconds();
        replies.Clear();
        top[0]["commentsSummary"] = new JsonObject { ["totalFirstLevelComments"] = 0 };
        var second = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), (await State(app)).Cursor, CancellationToken.None);

        Assert.True(second.Succeeded, second.Error);
        stored = await app.Get<IItemStore>().GetAsync("li", [Urn(7202), Urn(7203)], CancellationToken.None);
        Assert.Equal(ItemState.Deleted, stored[Urn(7202)].State);
        Assert.Equal("Any news on the Denver store? It is an hour later.", stored[Urn(7203)].Text);
        Assert.Equal(time.GetUtcNow().AddMinutes(-1).ToUnixTimeMilliseconds(), stored[Urn(7203)].EditedAt!.Value.ToUnixTimeMilliseconds());

        var third = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), (await State(app)).Cursor, CancellationToken.None);
        Assert.True(third.Succeeded, third.Error);
        Assert.Equal(0, third.ItemsStored);
    }

    /// <summary>
    /// With the app's client id and secret, AccessToken is a programmatic refresh token: access tokens come from
    /// POST oauth/v2/accessToken (form-encoded), again on a 401; the credential's end is whichever a person must act
    /// on first, the refresh token's end or the LinkedIn-Version's sunset (202602: February 15, 2027, LinkedIn's API
    /// Migration Status table, https://learn.microsoft.com/en-us/linkedin/marketing/integrations/migrations).
    /// </summary>
    [Fact]
    public async Task Tokens_are_renewed_from_the_refresh_token_and_the_versions_sunset_is_the_credentials_end()
    {
        var time = new FakeTimeProvider(Now);
        var issued = new List<string>();
        var refuseOnce = false;
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            if (ctx.Request.Path.Value == "/accessToken")
            {
                var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(server.Requests.Last(r => r.PathAndQuery == "/accessToken").Body);
                issued.Add($"{ctx.Request.ContentType}|{form["grant_type"]}|{form["refresh_token"]}|{form["client_id"]}|{form["client_secret"]}");
                return Feed.Write(ctx, new JsonObject
                {
                    ["access_token"] = $"lat-{issued.Count}", ["expires_in"] = 5_184_000, ["refresh_token"] = "lrt-1",
                    ["refresh_token_expires_in"] = 30_000_000, ["scope"] = "r_organization_social",
                }.ToJsonString());
            }

            if (refuseOnce)
            {
                refuseOnce = false;
                return Feed.Write(ctx, "{\"message\":\"The token used in the request has expired\",\"serviceErrorCode\":65601,\"status\":401}", 401);
            }

            return ctx.Request.Path.Value == "/posts" ? Feed.Write(ctx, Collection([PostOf(Post, Now.AddDays(-1))])) : Feed.Write(ctx, Collection([]));
        };
        var settings = Channel(server, token: "lrt-1");
        settings["Monitor:Channels:0:Settings:clientId"] = "li-app";
        settings["Monitor:Channels:0:ClientSecret"] = "li-secret";
        settings["Monitor:Channels:0:Settings:version"] = "202602";
        await using var app = await TestApp.StartAsync(settings, time);

        var first = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(["application/x-www-form-urlencoded|refresh_token|lrt-1|li-app|li-secret"], issued);
        Assert.All(server.Requests.Where(r => r.Method == "GET"), r => Assert.Equal(("Bearer lat-1", "202602"), (r.Authorization, r.Headers["LinkedIn-Version"])));
        var credential = (await State(app)).Credential!;
        Assert.Equal(new DateTimeOffset(2027, 2, 15, 0, 0, 0, TimeSpan.Zero), credential.ExpiresAt);
        Assert.Contains("LinkedIn-Version 202602", credential.Source, StringComparison.Ordinal);

        refuseOnce = true;
        var second = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), (await State(app)).Cursor, CancellationToken.None);
        Assert.True(second.Succeeded, second.Error);
        Assert.Equal(2, issued.Count);
        Assert.Equal("Bearer lat-2", server.Requests.Last(r => r.Method == "GET").Authorization);

        // A version missing from LinkedIn's table is taken to end a year after its release month, mid-month.
        Assert.Equal((new DateTimeOffset(2027, 7, 15, 0, 0, 0, TimeSpan.Zero), false), ResponseMonitor.Connectors.LinkedIn.LinkedInVersions.Sunset("202607"));
    }

    /// <summary>
    /// Whether LinkedIn's refresh answers a new refresh token is not documented (programmatic refresh tokens page: the
    /// answer carries refresh_token and refresh_token_expires_in): when it does, the new one is spent at the next
    /// renewal and handed to the secret writer (Key Vault in Azure) with its end; the refresh token's end, earlier than
    /// the version's sunset here, is the channel's credential end, named as rotated and stored.
    /// </summary>
    [Fact]
    public async Task A_refresh_token_LinkedIn_rotates_is_spent_next_and_written_where_secrets_live()
    {
        var time = new FakeTimeProvider(Now);
        var spent = new List<string>();
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx =>
        {
            if (ctx.Request.Path.Value == "/accessToken")
            {
                spent.Add(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(server.Requests.Last(r => r.PathAndQuery == "/accessToken").Body)["refresh_token"]!);
                return Feed.Write(ctx, new JsonObject
                {
                    ["access_token"] = $"lat-{spent.Count}", ["expires_in"] = 5_184_000, ["refresh_token"] = $"lrt-{spent.Count + 1}",
                    ["refresh_token_expires_in"] = 100 * 86_400, ["scope"] = "r_organization_social",
                }.ToJsonString());
            }

            return ctx.Request.Path.Value == "/posts" ? Feed.Write(ctx, Collection([PostOf(Post, time.GetUtcNow().AddDays(-1))])) : Feed.Write(ctx, Collection([]));
        };
        var settings = Channel(server, token: "lrt-1");
        settings["Monitor:Channels:0:Settings:clientId"] = "li-app";
        settings["Monitor:Channels:0:ClientSecret"] = "li-secret";
        var vault = new VaultStandIn();
        await using var app = await TestApp.StartAsync(settings, time, configure: s => s.AddSingleton<ISecretWriter>(vault));

        Assert.True((await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None)).Succeeded);
        var credential = (await State(app)).Credential!;
        Assert.Equal(Now.AddDays(100), credential.ExpiresAt);
        Assert.Contains("rotated by LinkedIn and stored in the vault", credential.Source, StringComparison.Ordinal);

        // 59 days on, the 60-day access token is within its last day: renewed with the refresh token LinkedIn returned.
        time.Advance(TimeSpan.FromDays(59.5));
        Assert.True((await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), (await State(app)).Cursor, CancellationToken.None)).Succeeded);

        Assert.Equal(["lrt-1", "lrt-2"], spent);
        Assert.Equal([("li", "AccessToken", "lrt-2", (DateTimeOffset?)Now.AddDays(100)), ("li", "AccessToken", "lrt-3", (DateTimeOffset?)Now.AddDays(159.5))], vault.Written);
        Assert.Equal("Bearer lat-2", server.Requests.Last(r => r.Method == "GET").Authorization);
    }

    /// <summary>
    /// Error answers: a 401 without an app to renew the token refuses it; a 403 is a missing permission or page role;
    /// a 426 a sunset LinkedIn-Version (named in the error); a 429 first pauses 15 minutes (infrastructure
    /// protection), a second the same UTC day until midnight UTC (the daily limit); a 500 fails this poll only.
    /// </summary>
    [Fact]
    public async Task Error_answers_are_classified_as_LinkedIn_documents_them()
    {
        var time = new FakeTimeProvider(Now);
        var status = 401;
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => Feed.Write(ctx, $"{{\"message\":\"error {status}\",\"serviceErrorCode\":{status},\"status\":{status}}}", status);
        var settings = Channel(server);
        settings["Connectors:MaxRetryAttempts"] = "0";
        await using var app = await TestApp.StartAsync(settings, time);
        async Task<(PollOutcome Outcome, ChannelState State)> Poll()
        {
            var outcome = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);
            return (outcome, await State(app));
        }

        var (refused, refusedState) = await Poll();
        Assert.Contains("refused the credentials", refused.Error, StringComparison.Ordinal);
        Assert.True(refusedState.CredentialsRejected);

        status = 403;
        var (denied, deniedState) = await Poll();
        Assert.Contains("refused a permission", denied.Error, StringComparison.Ordinal);
        Assert.True(deniedState.CredentialsRejected);

        status = 426;
        Assert.Contains("Settings:version", (await Poll()).Outcome.Error, StringComparison.Ordinal);

        status = 429;
        var (_, limited) = await Poll();
        Assert.Equal(Now.AddMinutes(15), limited.PausedUntil);
        var (quota, spent) = await Poll();
        Assert.Contains("quota is spent", quota.Error, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero), spent.PausedUntil);

        status = 500;
        var (failed, failedState) = await Poll();
        Assert.False(failed.Succeeded);
        Assert.False(failedState.CredentialsRejected);
        Assert.DoesNotContain("li-access", failed.Error + refused.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>commentsSummary</c> is documented on <c>GET socialActions/{urn}</c> (Social Metadata); whether each comment of
    /// the Comments API's list carries one is not confirmed by the pages seen. A comment without it has its replies asked
    /// for ("Get Comments on Comments", https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api);
    /// only a count of 0 spares the call.
    /// </summary>
    [Fact]
    public async Task Replies_are_asked_for_when_a_comment_carries_no_summary()
    {
        var bare = CommentOf(7201, "urn:li:person:AbC12", Now.AddHours(-5), "Your support line is down");
        bare.Remove("commentsSummary");
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value switch
        {
            "/posts" => Feed.Write(ctx, Collection([PostOf(Post, Now.AddDays(-1))])),
            "/socialActions/" + Post + "/comments" => Feed.Write(ctx, Collection([bare, CommentOf(7203, "urn:li:person:QrS56", Now.AddHours(-3), "Any news?")])),
            var path when path == $"/socialActions/{Urn(7201)}/comments" => Feed.Write(ctx, Collection([CommentOf(7202, Org, Now.AddHours(-4), "Fixed now.", parent: 7201)])),
            _ => Feed.Write(ctx, "{\"message\":\"Not found\",\"status\":404}", 404),
        };
        await using var app = await TestApp.StartAsync(Channel(server), new FakeTimeProvider(Now));

        var poll = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);

        Assert.True(poll.Succeeded, poll.Error);
        var reply = (await app.Get<IItemStore>().GetAsync("li", [Urn(7202)], CancellationToken.None))[Urn(7202)];
        Assert.Equal((Urn(7201), Org), (reply.ParentId, reply.AuthorId));
        Assert.DoesNotContain(server.Requests, r => Uri.UnescapeDataString(r.PathAndQuery).Contains(Urn(7203) + "/comments", StringComparison.Ordinal));
    }

    /// <summary>
    /// LinkedIn's webhooks (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/webhook-validation): a delivery
    /// carries <c>X-LI-Signature</c>, "the HMACSHA256 hash of the JSON-encoded string representation of the POST body
    /// prefixed by hmacsha256= … computed using your app's clientSecret", and must be answered 2xx. Organization social
    /// action notifications (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-social-action-notifications;
    /// the body below is written by hand in the documented shape: type, notifications with notificationId, action,
    /// organizationalEntity, sourcePost, decoratedSourcePost, generatedActivity, decoratedGeneratedActivity.comment,
    /// lastModifiedAt): a COMMENT is stored as the poll stores it, an ADMIN_COMMENT is the page's answer, a
    /// COMMENT_DELETE deletes, a LIKE and another organization's notification are skipped; a wrong signature is 401
    /// and stores nothing; the same delivery again stores nothing new.
    /// </summary>
    [Fact]
    public async Task Signed_comment_notifications_are_stored_and_a_bad_signature_is_refused()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Handler = ctx => ctx.Request.Path.Value == "/posts" ? Feed.Write(ctx, Collection([PostOf(Post, Now.AddDays(-1))])) : Feed.Write(ctx, Collection([CommentOf(7201, "urn:li:person:AbC12", Now.AddHours(-2), "Your support line is down"), CommentOf(7202, Org, Now.AddHours(-1), "Fixed now, thanks for telling us.")]));
        var settings = Channel(server);
        settings["Monitor:Channels:0:ClientSecret"] = "li-client-secret";
        await using var app = await TestApp.StartAsync(settings, new FakeTimeProvider(Now));

        async Task<HttpResponseMessage> Push(string json, string secret = "li-client-secret")
        {
            var body = Encoding.UTF8.GetBytes(json);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/li") { Content = new ByteArrayContent(body) };
            byte[] signed = [.. Encoding.UTF8.GetBytes("hmacsha256="), .. body];
            request.Headers.Add("X-LI-Signature", Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)));
            return await app.Anonymous.SendAsync(request);
        }

        static JsonObject Notification(long id, string action, int comment, string actor, DateTimeOffset at, string text, string organization = Org) => new()
        {
            ["notificationId"] = id, ["organizationalEntity"] = organization, ["action"] = action, ["sourcePost"] = "urn:li:activity:7100",
            ["decoratedSourcePost"] = new JsonObject { ["owner"] = Org, ["mediaCategory"] = "NONE", ["text"] = "New store opens today", ["entity"] = Post },
            ["generatedActivity"] = $"urn:li:comment:(activity:7100,{comment})",
            ["decoratedGeneratedActivity"] = new JsonObject { ["comment"] = new JsonObject { ["owner"] = actor, ["text"] = text, ["entity"] = Urn(comment), ["object"] = "urn:li:activity:7100" } },
            ["lastModifiedAt"] = at.ToUnixTimeMilliseconds(), ["subscriber"] = "urn:li:person:Adm1n",
        };

        static string Delivery(params JsonObject[] notifications) =>
            new JsonObject { ["type"] = "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS", ["notifications"] = new JsonArray([.. notifications.Select(n => (JsonNode)n)]) }.ToJsonString();

        var delivery = Delivery(
            Notification(5603453321, "COMMENT", 7201, "urn:li:person:AbC12", Now.AddHours(-2), "Your support line is down"),
            Notification(5603453322, "ADMIN_COMMENT", 7202, "urn:li:person:Adm1n", Now.AddHours(-1), "Fixed now, thanks for telling us."),
            Notification(5603453323, "LIKE", 7203, "urn:li:person:Fan", Now, ""),
            Notification(5603453324, "COMMENT", 7204, "urn:li:person:Other", Now, "Not ours", "urn:li:organization:999"));
        using (var refused = await Push(delivery, "another-secret"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        Assert.Empty(await app.Get<IItemStore>().GetAsync("li", [Urn(7201)], CancellationToken.None));

        using (var accepted = await Push(delivery))
        {
            var json = JsonNode.Parse(await accepted.Content.ReadAsStringAsync())!;
            Assert.Equal((HttpStatusCode.OK, 2, 2), (accepted.StatusCode, json["stored"]!.GetValue<int>(), json["skipped"]!.GetValue<int>()));
        }

        var stored = await app.Get<IItemStore>().GetAsync("li", [Urn(7201), Urn(7202), Urn(7204)], CancellationToken.None);
        Assert.Equal((Post, "urn:li:person:AbC12", "Your support line is down"), (stored[Urn(7201)].ParentId, stored[Urn(7201)].AuthorId, stored[Urn(7201)].Text));
        Assert.Equal(Now.AddHours(-2).ToUnixTimeMilliseconds(), stored[Urn(7201)].CreatedAt.ToUnixTimeMilliseconds());
        Assert.Equal(Org, stored[Urn(7202)].AuthorId);   // the page's answer
        Assert.False(stored.ContainsKey(Urn(7204)));

        // LinkedIn may deliver a notification twice: the same version is written over itself, one item each.
        using (var again = await Push(delivery))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var twice = await app.Get<IItemStore>().GetAsync("li", [Urn(7201), Urn(7202)], CancellationToken.None);
        Assert.Equal(
            stored.Where(p => p.Key != Urn(7204)).Select(p => (p.Key, p.Value.Text, p.Value.CreatedAt, p.Value.AuthorId, p.Value.ParentId)).Order(),
            twice.Select(p => (p.Key, p.Value.Text, p.Value.CreatedAt, p.Value.AuthorId, p.Value.ParentId)).Order());

        // The comment the push stored and the one the poll reads are one item.
        var poll = await app.Get<ChannelPoller>().PollChannelAsync(Definition(app), null, CancellationToken.None);
        Assert.True(poll.Succeeded, poll.Error);
        Assert.Equal(1, poll.ItemsStored);   // the post

        var delete = Delivery(Notification(5603453325, "COMMENT_DELETE", 7201, "urn:li:person:AbC12", Now.AddMinutes(-5), ""));
        using (var deleted = await Push(delete))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        Assert.Equal(ItemState.Deleted, (await app.Get<IItemStore>().GetAsync("li", [Urn(7201)], CancellationToken.None))[Urn(7201)].State);

        using var malformed = await Push("{\"object\":\"page\",\"entry\":[]}");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    /// <summary>
    /// LinkedIn validates the webhook with <c>GET ?challengeCode={uuid}</c> and expects, within 3 s, 200 and JSON
    /// <c>{challengeCode, challengeResponse}</c> with challengeResponse = Hex-encoded(HMACSHA256(challengeCode,
    /// clientSecret)) (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/webhook-validation; the challenge below
    /// is the page's example). An unknown channel and a channel without the secret are refused alike.
    /// </summary>
    [Fact]
    public async Task The_webhook_challenge_is_answered_with_the_client_secret()
    {
        const string Code = "890e4665-4dfe-4ab1-b689-ed553bceeed0";
        await using var server = await LoopbackServer.StartAsync();
        var settings = Channel(server);
        settings["Monitor:Channels:0:ClientSecret"] = "li-client-secret";
        settings["Monitor:Channels:1:Id"] = "li2";
        settings["Monitor:Channels:1:Kind"] = "linkedin-page";
        settings["Monitor:Channels:1:Settings:apiUrl"] = server.BaseAddress.ToString();
        settings["Monitor:Channels:1:Settings:organizationId"] = "42";
        settings["Monitor:Channels:1:AccessToken"] = "li-access-2";
        settings["Monitor:Channels:1:BrandAuthorIds:0"] = "urn:li:organization:42";
        await using var app = await TestApp.StartAsync(settings, new FakeTimeProvider(Now));

        using var answer = await app.Anonymous.GetAsync($"/api/webhooks/li?challengeCode={Code}");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("application/json", answer.Content.Headers.ContentType!.MediaType);
        var json = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("li-client-secret"), Encoding.UTF8.GetBytes(Code)));
        Assert.Equal((Code, expected), (json["challengeCode"]!.GetValue<string>(), json["challengeResponse"]!.GetValue<string>()));

        using var noSecret = await app.Anonymous.GetAsync($"/api/webhooks/li2?challengeCode={Code}");
        using var unknown = await app.Anonymous.GetAsync($"/api/webhooks/nope?challengeCode={Code}");
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (noSecret.StatusCode, unknown.StatusCode));
        Assert.Equal(JsonNode.Parse(await noSecret.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
    }

    /// <summary>LinkedIn-Version is YYYYMM (Posts API: "LinkedIn-Version: {Version in YYYYMM format}"): another form stops start-up naming the setting.</summary>
    [Fact]
    public async Task A_version_that_is_not_YYYYMM_stops_start_up()
    {
        await using var server = await LoopbackServer.StartAsync();
        var settings = Channel(server);
        settings["Monitor:Channels:0:Settings:version"] = "2026-07";

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => TestApp.StartAsync(settings));

        Assert.Contains("Monitor:Channels:0 (li): Settings:version '2026-07' is not a LinkedIn-Version like 202607 (YYYYMM).", error.Message, StringComparison.Ordinal);
    }
}
