using System.Globalization;
using System.Text.Json.Nodes;
using ResponseMonitor.Connectors.Meta;
using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.Threads;

/// <summary>
/// The demo's Threads API: <c>{version}/debug_token</c>, <c>{version}/{user}/threads</c> and
/// <c>{version}/{media}/conversation</c>, in the documented shapes (Graph <c>data</c>/<c>paging.cursors</c>, times as
/// <c>2026-12-03T09:00:00+0000</c>, https://developers.facebook.com/documentation/threads/reference/reply-management).
/// </summary>
internal sealed class ThreadsDemoEmulator : ReadOnlyDemoEmulator
{
    protected override DemoAnswer? Get(string[] segments, DemoRequest request)
    {
        var items = request.Items;
        return segments switch
        {
            // The demo's token was refreshed recently: fifty days left, nothing to refresh or warn about.
            [_, "debug_token"] => GraphDemoEmulator.DebugToken("USER", request.Now.AddDays(50).ToUnixTimeSeconds(), request.Now.AddDays(80).ToUnixTimeSeconds(), "threads_basic", "threads_read_replies"),
            [_, _, "threads"] => DemoAnswer.Ok(Data(items.Where(i => i.ParentId is null).OrderByDescending(i => i.CreatedAt).Select(i => Node(i, request.BrandId)))),
            [_, var id, "conversation"] => DemoAnswer.Ok(Data(items.Where(i => i.Id != id && DemoThreads.RootOf(items, i) == id).OrderBy(i => i.CreatedAt).Select(i =>
            {
                var node = Node(i, request.BrandId);
                node["is_reply"] = true;
                node["replied_to"] = new JsonObject { ["id"] = i.ParentId };
                node["root_post"] = new JsonObject { ["id"] = id };
                node["hide_status"] = "NOT_HUSHED";
                node["is_reply_owned_by_me"] = i.AuthorId == request.BrandId;
                return node;
            }))),
            _ => null,
        };
    }

    /// <summary>One page holds everything, so it has no <c>after</c> cursor (the emulator sees no query to page by).</summary>
    private static JsonObject Data(IEnumerable<JsonObject> items) => new()
    {
        ["data"] = new JsonArray([.. items]),
        ["paging"] = new JsonObject { ["cursors"] = new JsonObject { ["before"] = "QVFIUkJ" } },
    };

    private static JsonObject Node(DemoItem i, string? brandId) => new()
    {
        ["id"] = i.Id,
        ["text"] = i.Text,
        ["username"] = i.AuthorId == brandId ? brandId : i.AuthorName,
        ["timestamp"] = i.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture),
        ["permalink"] = i.Url,
    };
}
