using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Domain.Tests;

/// <summary>Which stored replies a complete re-read of their thread no longer holds, by hand-built threads.</summary>
public sealed class MissingRepliesTests
{
    private static readonly DateTimeOffset Read = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static ContentItem Item(string id, string? parent, TimeSpan ago, ItemState state = ItemState.Visible) => new()
    {
        Id = id, ParentId = parent, Kind = parent is null ? ItemKind.Post : ItemKind.Comment, AuthorId = "u-" + id, CreatedAt = Read - ago, Text = id, State = state,
    };

    [Fact]
    public void Only_replies_under_the_reread_root_older_than_the_settle_time_and_not_present_are_deleted()
    {
        var stored = new[]
        {
            Item("root", null, TimeSpan.FromHours(5)),
            Item("a", "root", TimeSpan.FromHours(4)),          // present
            Item("b", "root", TimeSpan.FromHours(3)),          // missing: deleted
            Item("b1", "b", TimeSpan.FromHours(2)),            // missing, under b: deleted
            Item("c", "root", TimeSpan.FromMinutes(5)),        // missing but too new to count
            Item("d", "root", TimeSpan.FromHours(1), ItemState.Deleted), // already deleted
            Item("other", null, TimeSpan.FromHours(5)),
            Item("o1", "other", TimeSpan.FromHours(4)),        // another thread, not re-read
            Item("orphan", "unknown", TimeSpan.FromHours(4)),  // parent never stored: cannot be placed
        };
        var reread = new ThreadReread("root", Read - TimeSpan.FromHours(5), new HashSet<string>(["a"]), Read);

        var changes = MissingReplies.Find(stored, [reread]);

        Assert.Equal(["b", "b1"], changes.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.All(changes, c => Assert.Equal((ItemState.Deleted, Read), (c.State, c.At)));
    }

    [Fact]
    public void No_reread_deletes_nothing_and_a_cycle_in_stored_parents_ends()
    {
        var looped = new[] { Item("x", "y", TimeSpan.FromHours(2)), Item("y", "x", TimeSpan.FromHours(2)) };

        Assert.Empty(MissingReplies.Find(looped, []));
        Assert.Empty(MissingReplies.Find(looped, [new ThreadReread("root", Read.AddDays(-1), new HashSet<string>(), Read)]));
    }
}
