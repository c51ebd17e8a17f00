using System.Globalization;
using System.Text.Json.Nodes;
using ResponseMonitor.App.Api;

namespace ResponseMonitor.App.Demo;

/// <summary>
/// The demo brand's channels in each platform's own wire format (Graph, YouTube Data API, Mastodon, Bluesky XRPC,
/// Reddit, X API v2), so that the real connectors read them in demo mode exactly as they read the platforms. Answers
/// hold every seed item each time; the connectors' idempotent storage makes that harmless. Key required.
/// </summary>
public static class DemoPlatformEndpoints
{
    public static RouteGroupBuilder MapDemoPlatformEndpoints(this RouteGroupBuilder api)
    {
        var platforms = api.MapGroup("/demo/platforms/{channelId}");

        // Facebook Page and Instagram (Graph API).
        // Meta's token check (https://developers.facebook.com/docs/graph-api/reference/debug_token/): the demo Page's
        // data access lapses in five days, so the dashboard and a warning show a token to renew; Instagram's is fine.
        platforms.MapGet("/graph/{version}/debug_token", (string channelId, TimeProvider time) => Results.Text(new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["type"] = "PAGE",
                ["application"] = "ResponseMonitor demo",
                ["is_valid"] = true,
                ["expires_at"] = 0,
                ["data_access_expires_at"] = time.GetUtcNow().AddDays(channelId.Contains("facebook", StringComparison.Ordinal) ? 5 : 80).ToUnixTimeSeconds(),
                ["scopes"] = new JsonArray("pages_show_list", "pages_read_engagement", "pages_read_user_content"),
            },
        }.ToJsonString(), "application/json"));
        platforms.MapGet("/graph/{version}/{id}/feed", (string channelId, DemoFeed feed) => Render(feed, channelId, items => Data(items.Where(i => i.ParentId is null).Select(i => Graph(i, "message", "created_time")))));
        platforms.MapGet("/graph/{version}/{id}/media", (string channelId, DemoFeed feed) => Render(feed, channelId, items => Data(items.Where(i => i.ParentId is null).Select(i => Graph(i, "caption", "timestamp")))));
        platforms.MapGet("/graph/{version}/{id}/comments", (string channelId, string id, DemoFeed feed) => Render(feed, channelId, items =>
        {
            var kind = feed.KindOf(channelId);
            var under = items.Where(i => DemoFeed.RootOf(items, i) == id && i.Id != id).ToList();
            if (kind == "instagram")
            {
                // Instagram nests one level of replies under each top-level comment.
                return Data(under.Where(i => i.ParentId == id).Select(top =>
                {
                    var node = Graph(top, "text", "timestamp");
                    node["replies"] = Data(under.Where(r => r.ParentId != id && DemoFeed.TopCommentOf(items, r, id) == top.Id).Select(r => Graph(r, "text", "timestamp")));
                    return node;
                }));
            }

            return Data(under.Select(i =>
            {
                var node = Graph(i, "message", "created_time");
                if (i.ParentId != id)
                {
                    node["parent"] = new JsonObject { ["id"] = i.ParentId };
                }

                return node;
            }));
        }));

        // YouTube Data API v3.
        platforms.MapGet("/youtube/youtube/v3/commentThreads", (string channelId, DemoFeed feed) => Render(feed, channelId, items =>
        {
            var threads = new JsonArray();
            foreach (var top in items.Where(i => i.ParentId is not null && items.Any(p => p.Id == i.ParentId && p.ParentId is null)))
            {
                var replies = items.Where(r => r.ParentId is not null && r.ParentId != top.ParentId && DemoFeed.TopCommentOf(items, r, top.ParentId!) == top.Id).ToList();
                threads.Add(new JsonObject
                {
                    ["id"] = top.Id,
                    ["snippet"] = new JsonObject { ["videoId"] = top.ParentId, ["topLevelComment"] = YouTube(top, null), ["totalReplyCount"] = replies.Count },
                    ["replies"] = new JsonObject { ["comments"] = new JsonArray([.. replies.Select(r => (JsonNode)YouTube(r, top.Id))]) },
                });
            }

            return new JsonObject { ["items"] = threads };
        }));

        // Mastodon.
        platforms.MapGet("/mastodon/api/v1/accounts/{id}/statuses", (string channelId, string id, DemoFeed feed) =>
            Render(feed, channelId, items => new JsonArray([.. items.Where(i => i.AuthorId == id).OrderByDescending(i => i.CreatedAt).Select(i => (JsonNode)Mastodon(i))])));
        platforms.MapGet("/mastodon/api/v1/notifications", (string channelId, DemoFeed feed) => Render(feed, channelId, items =>
        {
            var brand = feed.BrandOf(channelId);
            return new JsonArray([.. items.Where(i => i.AuthorId != brand && i.ParentId is not null).Select(i => (JsonNode)new JsonObject { ["id"] = "n-" + i.Id, ["type"] = "mention", ["status"] = Mastodon(i) })]);
        }));
        platforms.MapGet("/mastodon/api/v1/statuses/{id}/context", () => Results.Text("{\"ancestors\":[],\"descendants\":[]}", "application/json"));

        // Bluesky (XRPC).
        platforms.MapGet("/bluesky/xrpc/app.bsky.feed.getAuthorFeed", (string channelId, DemoFeed feed) => Render(feed, channelId, items =>
        {
            var brand = feed.BrandOf(channelId);
            return new JsonObject { ["feed"] = new JsonArray([.. items.Where(i => i.AuthorId == brand).Select(i => (JsonNode)new JsonObject { ["post"] = Bluesky(i) })]) };
        }));
        platforms.MapGet("/bluesky/xrpc/app.bsky.notification.listNotifications", (string channelId, DemoFeed feed) => Render(feed, channelId, items =>
        {
            var brand = feed.BrandOf(channelId);
            return new JsonObject { ["notifications"] = new JsonArray([.. items.Where(i => i.AuthorId != brand).Select(i => { var n = Bluesky(i); n["reason"] = i.ParentId is null ? "mention" : "reply"; return (JsonNode)n; })]) };
        }));
        platforms.MapGet("/bluesky/xrpc/app.bsky.feed.getPostThread", () => Results.Text("{}", "application/json"));

        // Reddit.
        platforms.MapGet("/reddit/user/{name}/overview", (string channelId, string name, DemoFeed feed) => Render(feed, channelId, items => Listing(items.Where(i => i.AuthorId == name))));
        platforms.MapGet("/reddit/message/comments", (string channelId, DemoFeed feed) => Render(feed, channelId, items => Listing(items.Where(i => i.AuthorId != feed.BrandOf(channelId) && i.ParentId is not null))));
        platforms.MapGet("/reddit/message/mentions", () => Results.Text("{\"kind\":\"Listing\",\"data\":{\"children\":[],\"after\":null}}", "application/json"));
        platforms.MapGet("/reddit/message/selfreply", () => Results.Text("{\"kind\":\"Listing\",\"data\":{\"children\":[],\"after\":null}}", "application/json"));
        platforms.MapGet("/reddit/comments/{id}", () => Results.Text("[]", "application/json"));

        // X API v2.
        platforms.MapGet("/x/2/users/{id}/mentions", (string channelId, string id, DemoFeed feed) => Render(feed, channelId, items => Tweets(items.Where(i => i.AuthorId != id))));
        platforms.MapGet("/x/2/users/{id}/tweets", (string channelId, string id, DemoFeed feed) => Render(feed, channelId, items => Tweets(items.Where(i => i.AuthorId == id))));
        platforms.MapGet("/x/2/tweets/search/recent", () => Results.Text("{\"meta\":{\"result_count\":0}}", "application/json"));
        return api;
    }

    /// <summary>
    /// Bluesky's session call carries the app password in its body, not a key header: here the password must be the API
    /// key, and the session token handed back is that key, which the other demo routes then accept as a Bearer token.
    /// </summary>
    public static RouteGroupBuilder MapDemoSessionEndpoint(this RouteGroupBuilder api)
    {
        api.MapPost("/demo/platforms/{channelId}/bluesky/xrpc/com.atproto.server.createSession", async (string channelId, HttpRequest request, Microsoft.Extensions.Options.IOptions<Configuration.ApiOptions> options) =>
        {
            var body = await JsonNode.ParseAsync(request.Body).ConfigureAwait(false);
            var password = body?["password"]?.GetValue<string>();
            var key = options.Value.Key ?? "";
            return password is not null && key.Length > 0 && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(password), System.Text.Encoding.UTF8.GetBytes(key))
                ? Results.Text(new JsonObject { ["accessJwt"] = key, ["did"] = channelId }.ToJsonString(), "application/json")
                : Problems.Unauthorized("The app password is not valid.");
        });
        return api;
    }

    private static IResult Render(DemoFeed feed, string channelId, Func<IReadOnlyList<DemoItem>, JsonNode> render) =>
        feed.Items(channelId) is { } items ? Results.Text(render(items).ToJsonString(), "application/json") : Problems.UnknownChannel(channelId);

    private static JsonObject Data(IEnumerable<JsonObject> items) => new() { ["data"] = new JsonArray([.. items]) };

    private static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static JsonObject Graph(DemoItem i, string textField, string timeField) => new()
    {
        ["id"] = i.Id, [textField] = i.Text, [timeField] = Iso(i.CreatedAt), ["permalink_url"] = i.Url, ["username"] = i.AuthorName,
        ["from"] = new JsonObject { ["id"] = i.AuthorId, ["name"] = i.AuthorName, ["username"] = i.AuthorName },
    };

    private static JsonObject YouTube(DemoItem i, string? parent) => new()
    {
        ["id"] = i.Id,
        ["snippet"] = new JsonObject
        {
            ["authorDisplayName"] = i.AuthorName, ["authorChannelId"] = new JsonObject { ["value"] = i.AuthorId }, ["textOriginal"] = i.Text,
            ["parentId"] = parent, ["publishedAt"] = Iso(i.CreatedAt), ["updatedAt"] = Iso(i.CreatedAt),
        },
    };

    private static JsonObject Mastodon(DemoItem i) => new()
    {
        ["id"] = i.Id, ["created_at"] = Iso(i.CreatedAt), ["in_reply_to_id"] = i.ParentId, ["visibility"] = "public",
        ["content"] = "<p>" + System.Net.WebUtility.HtmlEncode(i.Text) + "</p>", ["url"] = i.Url,
        ["account"] = new JsonObject { ["id"] = i.AuthorId, ["acct"] = i.AuthorId, ["display_name"] = i.AuthorName },
    };

    private static JsonObject Bluesky(DemoItem i)
    {
        var record = new JsonObject { ["text"] = i.Text, ["createdAt"] = Iso(i.CreatedAt) };
        if (i.ParentId is not null)
        {
            record["reply"] = new JsonObject { ["parent"] = new JsonObject { ["uri"] = i.ParentId }, ["root"] = new JsonObject { ["uri"] = i.ParentId } };
        }

        return new JsonObject { ["uri"] = i.Id, ["author"] = new JsonObject { ["did"] = i.AuthorId, ["handle"] = i.AuthorId, ["displayName"] = i.AuthorName }, ["record"] = record, ["indexedAt"] = Iso(i.CreatedAt) };
    }

    private static JsonObject Listing(IEnumerable<DemoItem> items) => new()
    {
        ["kind"] = "Listing",
        ["data"] = new JsonObject
        {
            ["after"] = null,
            ["children"] = new JsonArray([.. items.Select(i => (JsonNode)new JsonObject
            {
                ["kind"] = i.ParentId is null ? "t3" : "t1",
                ["data"] = new JsonObject
                {
                    ["name"] = i.Id, ["author"] = i.AuthorId, ["parent_id"] = i.ParentId, ["created_utc"] = i.CreatedAt.ToUnixTimeSeconds(),
                    ["body"] = i.Text, ["title"] = i.ParentId is null ? i.Text : null, ["permalink"] = "/r/demo/comments/" + i.Id, ["replies"] = "",
                },
            })]),
        },
    };

    private static JsonObject Tweets(IEnumerable<DemoItem> items)
    {
        var list = items.ToList();
        return new JsonObject
        {
            ["data"] = new JsonArray([.. list.Select(i => (JsonNode)new JsonObject
            {
                ["id"] = i.Id, ["author_id"] = i.AuthorId, ["created_at"] = Iso(i.CreatedAt), ["text"] = i.Text,
                ["referenced_tweets"] = i.ParentId is null ? null : new JsonArray(new JsonObject { ["type"] = "replied_to", ["id"] = i.ParentId }),
            })]),
            ["includes"] = new JsonObject { ["users"] = new JsonArray([.. list.DistinctBy(i => i.AuthorId).Select(i => (JsonNode)new JsonObject { ["id"] = i.AuthorId, ["name"] = i.AuthorName, ["username"] = i.AuthorId })]) },
            ["meta"] = new JsonObject { ["result_count"] = list.Count },
        };
    }
}
