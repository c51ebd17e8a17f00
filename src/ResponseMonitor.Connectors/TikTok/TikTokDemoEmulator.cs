using System.Text.Json.Nodes;
using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.TikTok;

/// <summary>
/// The demo's TikTok API for Business v1.3: <c>business/video/list/</c> (the items without a parent are the videos) and
/// <c>business/comment/list/</c> (each top-level comment with its replies embedded), in TikTok's envelope. The demo
/// route passes no query string, so comments are answered for the demo's one video whatever <c>video_id</c> asks.
/// </summary>
internal sealed class TikTokDemoEmulator : ReadOnlyDemoEmulator
{
    protected override DemoAnswer? Get(string[] segments, DemoRequest request)
    {
        var items = request.Items;
        return segments switch
        {
            ["v1.3", "business", "video", "list"] => Envelope(new JsonObject
            {
                ["videos"] = new JsonArray([.. items.Where(i => i.ParentId is null).Select(v => (JsonNode)new JsonObject
                {
                    ["item_id"] = v.Id, ["create_time"] = v.CreatedAt.ToUnixTimeSeconds(), ["caption"] = v.Text, ["share_url"] = v.Url,
                    ["comments"] = items.Count(i => i.ParentId is not null && DemoThreads.RootOf(items, i) == v.Id),
                })]),
                ["cursor"] = 20, ["has_more"] = false,
            }),
            ["v1.3", "business", "comment", "list"] => Envelope(new JsonObject
            {
                ["comments"] = new JsonArray([.. items.Where(i => i.ParentId is not null && items.Any(v => v.Id == i.ParentId && v.ParentId is null)).Select(top =>
                {
                    var replies = items.Where(r => r.ParentId is not null && r.ParentId != top.ParentId && DemoThreads.TopCommentOf(items, r, top.ParentId!) == top.Id).ToList();
                    var comment = Comment(top, top.ParentId!, request.BrandId);
                    comment["replies"] = replies.Count;
                    comment["reply_list"] = new JsonArray([.. replies.Select(r => (JsonNode)Comment(r, top.ParentId!, request.BrandId))]);
                    return (JsonNode)comment;
                })]),
                ["cursor"] = 30, ["has_more"] = false,
            }),
            _ => null,
        };
    }

    private static JsonObject Comment(DemoItem i, string videoId, string? brand) => new()
    {
        ["comment_id"] = i.Id, ["video_id"] = videoId, ["unique_identifier"] = i.AuthorId, ["create_time"] = i.CreatedAt.ToUnixTimeSeconds(),
        ["text"] = i.Text, ["likes"] = 0, ["replies"] = 0, ["owner"] = i.AuthorId == brand, ["status"] = "PUBLIC",
        ["username"] = i.AuthorId, ["display_name"] = i.AuthorName, ["parent_comment_id"] = i.ParentId,
    };

    private static DemoAnswer Envelope(JsonObject data) =>
        DemoAnswer.Ok(new JsonObject { ["code"] = 0, ["message"] = "OK", ["request_id"] = "demo", ["data"] = data });
}
