using System.Text.Json;
using System.Text.Json.Nodes;
using ResponseMonitor.Domain.Conversations;

namespace ResponseMonitor.Integration.Tests.EchoPlatform;

/// <summary>The echo platform's JSON, both ways.</summary>
public static class EchoWire
{
    public static List<ContentItem> Read(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        return [.. document.RootElement.GetProperty("comments").EnumerateArray().Select(c => new ContentItem
        {
            Id = c.GetProperty("id").GetString()!,
            ParentId = c.TryGetProperty("parent", out var parent) ? parent.GetString() : null,
            Kind = c.TryGetProperty("parent", out var p) && p.ValueKind == JsonValueKind.String ? ItemKind.Comment : ItemKind.Post,
            AuthorId = c.GetProperty("author").GetString()!,
            CreatedAt = c.GetProperty("at").GetDateTimeOffset(),
            Text = c.GetProperty("text").GetString() ?? "",
        })];
    }

    public static JsonObject Comment(string id, string? parent, string author, DateTimeOffset at, string text) => new()
    {
        ["id"] = id, ["parent"] = parent, ["author"] = author, ["at"] = at.ToString("O", System.Globalization.CultureInfo.InvariantCulture), ["text"] = text,
    };
}
