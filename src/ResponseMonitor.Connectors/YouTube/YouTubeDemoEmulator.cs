using System.Text.Json.Nodes;
using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.YouTube;

/// <summary>The demo's YouTube Data API v3: <c>youtube/v3/commentThreads</c>, each top-level comment with its replies.</summary>
internal sealed class YouTubeDemoEmulator : IDemoEmulator
{
    public DemoAnswer? Answer(DemoRequest request)
    {
        if (request is not { Method: "GET", KeyChecked: true } || request.Segments is not ["youtube", "v3", "commentThreads"])
        {
            return null;
        }

        var items = request.Items;
        var threads = new JsonArray();
        foreach (var top in items.Where(i => i.ParentId is not null && items.Any(p => p.Id == i.ParentId && p.ParentId is null)))
        {
            var replies = items.Where(r => r.ParentId is not null && r.ParentId != top.ParentId && DemoThreads.TopCommentOf(items, r, top.ParentId!) == top.Id).ToList();
            threads.Add(new JsonObject
            {
                ["id"] = top.Id,
                ["snippet"] = new JsonObject { ["videoId"] = top.ParentId, ["topLevelComment"] = Comment(top, null), ["totalReplyCount"] = replies.Count },
                ["replies"] = new JsonObject { ["comments"] = new JsonArray([.. replies.Select(r => (JsonNode)Comment(r, top.Id))]) },
            });
        }

        return DemoAnswer.Ok(new JsonObject { ["items"] = threads });
    }

    private static JsonObject Comment(DemoItem i, string? parent) => new()
    {
        ["id"] = i.Id,
        ["snippet"] = new JsonObject
        {
            ["authorDisplayName"] = i.AuthorName, ["authorChannelId"] = new JsonObject { ["value"] = i.AuthorId }, ["textOriginal"] = i.Text,
            ["parentId"] = parent, ["publishedAt"] = DemoThreads.Iso(i.CreatedAt), ["updatedAt"] = DemoThreads.Iso(i.CreatedAt),
        },
    };
}
