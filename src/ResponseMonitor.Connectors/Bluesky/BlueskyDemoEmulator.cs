using System.Text.Json.Nodes;
using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.Connectors.Bluesky;

/// <summary>
/// The demo's Bluesky XRPC: the session call, the brand's author feed, its notifications and (empty) threads. The
/// session call carries the app password in its body, not a key header: here the password must be the API key, and
/// the session token handed back is that key, which the other calls then present as a Bearer token.
/// </summary>
internal sealed class BlueskyDemoEmulator : IDemoEmulator
{
    public DemoAnswer? Answer(DemoRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request is { Method: "POST", Segments: ["xrpc", "com.atproto.server.createSession"] })
        {
            var password = JsonNode.Parse(request.Body.Span)?["password"]?.GetValue<string>();
            return password is not null && request.IsApiKey(password)
                ? DemoAnswer.Ok(new JsonObject { ["accessJwt"] = password, ["did"] = request.ChannelId })
                : new DemoAnswer(401, new JsonObject { ["error"] = "AuthenticationRequired", ["message"] = "The app password is not valid." }.ToJsonString());
        }

        if (request is not { Method: "GET", KeyChecked: true })
        {
            return null;
        }

        var items = request.Items;
        return request.Segments switch
        {
            ["xrpc", "app.bsky.feed.getAuthorFeed"] => DemoAnswer.Ok(new JsonObject { ["feed"] = new JsonArray([.. items.Where(i => i.AuthorId == request.BrandId).Select(i => (JsonNode)new JsonObject { ["post"] = Post(i) })]) }),
            ["xrpc", "app.bsky.notification.listNotifications"] => DemoAnswer.Ok(new JsonObject
            {
                ["notifications"] = new JsonArray([.. items.Where(i => i.AuthorId != request.BrandId).Select(i =>
                {
                    var n = Post(i);
                    n["reason"] = i.ParentId is null ? "mention" : "reply";
                    return (JsonNode)n;
                })]),
            }),
            ["xrpc", "app.bsky.feed.getPostThread"] => DemoAnswer.Ok("{}"),
            _ => null,
        };
    }

    private static JsonObject Post(DemoItem i)
    {
        var record = new JsonObject { ["text"] = i.Text, ["createdAt"] = DemoThreads.Iso(i.CreatedAt) };
        if (i.ParentId is not null)
        {
            record["reply"] = new JsonObject { ["parent"] = new JsonObject { ["uri"] = i.ParentId }, ["root"] = new JsonObject { ["uri"] = i.ParentId } };
        }

        return new JsonObject { ["uri"] = i.Id, ["author"] = new JsonObject { ["did"] = i.AuthorId, ["handle"] = i.AuthorId, ["displayName"] = i.AuthorName }, ["record"] = record, ["indexedAt"] = DemoThreads.Iso(i.CreatedAt) };
    }
}
