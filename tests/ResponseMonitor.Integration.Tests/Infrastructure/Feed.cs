using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ResponseMonitor.Integration.Tests.Infrastructure;

/// <summary>Builds generic feed JSON as a source would serve it.</summary>
public static class Feed
{
    public static JsonObject Post(string id, string author, DateTimeOffset at, string text = "a post") =>
        new() { ["id"] = id, ["kind"] = "post", ["authorId"] = author, ["createdAt"] = at.ToString("O"), ["text"] = text };

    public static JsonObject Comment(string id, string parent, string author, DateTimeOffset at, string text = "a question?") =>
        new() { ["id"] = id, ["parentId"] = parent, ["kind"] = "comment", ["authorId"] = author, ["authorName"] = author.ToUpperInvariant(), ["createdAt"] = at.ToString("O"), ["text"] = text };

    public static string Page(IEnumerable<JsonObject> items, string? next = null)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(item.DeepClone());
        }

        return new JsonObject { ["items"] = array, ["nextPageToken"] = next }.ToJsonString();
    }

    public static Task Write(HttpContext context, string json, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
