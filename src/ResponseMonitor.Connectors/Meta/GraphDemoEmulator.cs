using System.Text.Json.Nodes;
using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.Meta;

/// <summary>
/// The demo's Graph API for a Facebook Page or an Instagram account: <c>{version}/debug_token</c>,
/// <c>{version}/{id}/feed</c> and <c>{version}/{id}/ads_posts</c> (Page), <c>{version}/{id}/media</c> (Instagram) and
/// <c>{version}/{id}/comments</c>.
/// </summary>
internal sealed class GraphDemoEmulator(bool instagram) : ReadOnlyDemoEmulator
{
    protected override DemoAnswer? Get(string[] segments, DemoRequest request)
    {
        var items = request.Items;
        return segments switch
        {
            // Meta's token check (https://developers.facebook.com/docs/graph-api/reference/debug_token/): the demo Page's
            // data access lapses in five days, so the dashboard and a warning show a token to renew; Instagram's is fine.
            // A Page with ad posts was also granted the ads permissions (ads_posts needs ads_management and
            // pages_manage_ads).
            [_, "debug_token"] when items.Any(IsAd) => DebugToken("PAGE", expiresAt: 0, request.Now.AddDays(5).ToUnixTimeSeconds(), "pages_show_list", "pages_read_engagement", "pages_read_user_content", "ads_management", "pages_manage_ads"),
            [_, "debug_token"] => DebugToken("PAGE", expiresAt: 0, request.Now.AddDays(instagram ? 80 : 5).ToUnixTimeSeconds(), "pages_show_list", "pages_read_engagement", "pages_read_user_content"),
            [_, _, "feed"] when !instagram => DemoAnswer.Ok(Data(items.Where(i => i.ParentId is null && !IsAd(i)).Select(i => Graph(i, "message", "created_time")))),
            // Posts made for ads are not in the feed (https://developers.facebook.com/docs/graph-api/reference/page/ads_posts/).
            [_, _, "ads_posts"] when !instagram => DemoAnswer.Ok(Data(items.Where(i => i.ParentId is null && IsAd(i)).Select(i => Graph(i, "message", "created_time")))),
            [_, _, "media"] when instagram => DemoAnswer.Ok(Data(items.Where(i => i.ParentId is null).Select(i => Graph(i, "caption", "timestamp")))),
            [_, var id, "comments"] => DemoAnswer.Ok(Comments(items, id)),
            _ => null,
        };
    }

    /// <summary>debug_token's answer (https://developers.facebook.com/docs/graph-api/reference/debug_token/), Unix seconds, 0 for never; Threads' is the same.</summary>
    internal static DemoAnswer DebugToken(string type, long expiresAt, long dataAccessExpiresAt, params string[] scopes) => DemoAnswer.Ok(new JsonObject
    {
        ["data"] = new JsonObject
        {
            ["type"] = type,
            ["application"] = "ResponseMonitor demo",
            ["is_valid"] = true,
            ["expires_at"] = expiresAt,
            ["data_access_expires_at"] = dataAccessExpiresAt,
            ["scopes"] = new JsonArray([.. scopes.Select(s => (JsonNode)s)]),
        },
    });

    private JsonObject Comments(IReadOnlyList<DemoItem> items, string id)
    {
        var under = items.Where(i => DemoThreads.RootOf(items, i) == id && i.Id != id).ToList();
        if (instagram)
        {
            // Instagram nests one level of replies under each top-level comment.
            return Data(under.Where(i => i.ParentId == id).Select(top =>
            {
                var node = Graph(top, "text", "timestamp");
                node["replies"] = Data(under.Where(r => r.ParentId != id && DemoThreads.TopCommentOf(items, r, id) == top.Id).Select(r => Graph(r, "text", "timestamp")));
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
    }

    private static bool IsAd(DemoItem item) => item.Kind == DemoItem.AdPost;

    private static JsonObject Data(IEnumerable<JsonObject> items) => new() { ["data"] = new JsonArray([.. items]) };

    private static JsonObject Graph(DemoItem i, string textField, string timeField) => new()
    {
        ["id"] = i.Id, [textField] = i.Text, [timeField] = DemoThreads.Iso(i.CreatedAt), ["permalink_url"] = i.Url, ["username"] = i.AuthorName,
        ["from"] = new JsonObject { ["id"] = i.AuthorId, ["name"] = i.AuthorName, ["username"] = i.AuthorName },
    };
}
