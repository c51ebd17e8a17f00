using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;

namespace ResponseMonitor.Domain.Tests;

/// <summary>Builds items for hand-computed cases, resolving threads the way ingestion does.</summary>
internal static class Items
{
    public static readonly DateTimeOffset Day = new(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);

    public static ChannelDefinition Channel(params string[] brandIds) => new()
    {
        Id = "c1",
        Name = "Channel one",
        Kind = ChannelKinds.GenericFeed,
        BrandAuthorIds = brandIds.ToHashSet(),
    };

    public static ContentItem Post(string id, string author, double hour, string text = "post") =>
        new() { Id = id, Kind = ItemKind.Post, AuthorId = author, CreatedAt = Day.AddHours(hour), Text = text };

    public static ContentItem Comment(string id, string parent, string author, double hour, string text = "a question") =>
        new() { Id = id, ParentId = parent, Kind = ItemKind.Comment, AuthorId = author, CreatedAt = Day.AddHours(hour), Text = text };

    /// <summary>Resolves thread ids in time order, as <see cref="Ingestion.IngestionService"/> does.</summary>
    public static List<ContentItem> Resolve(ChannelDefinition channel, params ContentItem[] items)
    {
        var resolved = new Dictionary<string, ContentItem>();
        foreach (var item in items.OrderBy(i => i.CreatedAt))
        {
            var parent = item.ParentId is null ? null : resolved.GetValueOrDefault(item.ParentId);
            resolved[item.Id] = item with { ThreadId = ThreadResolver.Resolve(item, parent, channel) };
        }

        return [.. resolved.Values];
    }
}
