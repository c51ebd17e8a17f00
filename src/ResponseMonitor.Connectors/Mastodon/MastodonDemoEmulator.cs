using System.Text.Json.Nodes;
using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.Mastodon;

/// <summary>The demo's Mastodon instance: an account's statuses, its mention notifications, and the contexts of its posts.</summary>
internal sealed class MastodonDemoEmulator : ReadOnlyDemoEmulator
{
    protected override DemoAnswer? Get(string[] segments, DemoRequest request)
    {
        var items = request.Items;
        return segments switch
        {
            ["api", "v1", "accounts", var id, "statuses"] => DemoAnswer.Ok(new JsonArray([.. items.Where(i => i.AuthorId == id).OrderByDescending(i => i.CreatedAt).Select(i => (JsonNode)Status(i))])),
            ["api", "v1", "notifications"] => DemoAnswer.Ok(new JsonArray([.. items.Where(i => i.AuthorId != request.BrandId && i.ParentId is not null)
                .Select(i => (JsonNode)new JsonObject { ["id"] = "n-" + i.Id, ["type"] = "mention", ["status"] = Status(i) })])),
            // The whole thread under a status, as a complete context answer: what the connector re-reads.
            ["api", "v1", "statuses", var id, "context"] => DemoAnswer.Ok(new JsonObject
            {
                ["ancestors"] = new JsonArray(),
                ["descendants"] = new JsonArray([.. items.Where(i => i.Id != id && DemoThreads.RootOf(items, i) == id).OrderBy(i => i.CreatedAt).Select(i => (JsonNode)Status(i))]),
            }),
            _ => null,
        };
    }

    private static JsonObject Status(DemoItem i) => new()
    {
        ["id"] = i.Id, ["created_at"] = DemoThreads.Iso(i.CreatedAt), ["in_reply_to_id"] = i.ParentId, ["visibility"] = "public",
        ["content"] = "<p>" + System.Net.WebUtility.HtmlEncode(i.Text) + "</p>", ["url"] = i.Url,
        ["account"] = new JsonObject { ["id"] = i.AuthorId, ["acct"] = i.AuthorId, ["display_name"] = i.AuthorName },
    };
}
