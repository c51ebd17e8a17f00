using System.Globalization;

namespace ResponseMonitor.Connectors.Platforms;

/// <summary>Where a demo item sits in its thread, for the emulators that nest comments (Graph, YouTube).</summary>
internal static class DemoThreads
{
    /// <summary>The post an item sits under (itself for a post).</summary>
    public static string RootOf(IReadOnlyList<DemoItem> items, DemoItem item)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(item);
        var current = item;
        while (current.ParentId is not null && items.FirstOrDefault(i => i.Id == current.ParentId) is { } parent)
        {
            current = parent;
        }

        return current.ParentId ?? current.Id;
    }

    /// <summary>The top-level comment (directly under <paramref name="rootId"/>) an item sits under.</summary>
    public static string? TopCommentOf(IReadOnlyList<DemoItem> items, DemoItem item, string rootId)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(item);
        var current = item;
        while (current.ParentId is not null && current.ParentId != rootId)
        {
            current = items.FirstOrDefault(i => i.Id == current.ParentId) ?? current with { ParentId = null };
        }

        return current.ParentId == rootId ? current.Id : null;
    }

    /// <summary>ISO-8601 round-trip, as the platforms write times.</summary>
    public static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
