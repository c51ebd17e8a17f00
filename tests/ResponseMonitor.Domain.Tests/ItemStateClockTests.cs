using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Metrics;
using static ResponseMonitor.Domain.Tests.Items;

namespace ResponseMonitor.Domain.Tests;

/// <summary>
/// Deleted and hidden items in the response clock (docs/METRICS.md, "Exclusions": deleted, hidden), by hand.
/// Thread A: a question at 1:00 deleted by its author, a second question at 2:00, the brand at 5:00. The run starts at
/// 2:00, so the first response takes 3 h and answers one message, not two. Thread B: a question at 3:00 hidden by
/// the brand: it waits for nothing. Thread C: a question at 4:00 answered by a brand reply at 6:00 that was then
/// deleted: it waits still. The waiting copy of B (visible, same version time) must not outlive its hidden state.
/// </summary>
public sealed class ItemStateClockTests
{
    [Fact]
    public void Deleted_and_hidden_messages_neither_wait_nor_start_a_clock_and_a_deleted_reply_answers_no_one()
    {
        var channel = Channel("brand");
        var items = Resolve(
            channel,
            Post("p", "brand", 0),
            Comment("a1", "p", "u1", 1) with { State = ItemState.Deleted, Text = "", AuthorId = ItemRules.DeletedAuthor },
            Comment("a2", "a1", "u2", 2, "same problem here?"),
            Comment("a3", "a2", "brand", 5, "fixed"),
            Comment("b1", "p", "u3", 3, "where is my order?") with { State = ItemState.Hidden },
            Comment("c1", "p", "u4", 4, "is it waterproof?"),
            Comment("c2", "c1", "brand", 6, "yes") with { State = ItemState.Deleted, Text = "", AuthorId = ItemRules.DeletedAuthor });
        var waitingCopyOfB = items.Single(i => i.Id == "b1") with { State = ItemState.Visible };

        var clock = ResponseClock.Run(channel, [.. items, waitingCopyOfB], _ => false);

        var response = Assert.Single(clock.Responses);
        Assert.Equal((Day.AddHours(2), Day.AddHours(5), 1), (response.WaitingSince, response.RespondedAt, response.MessagesAnswered));
        Assert.Equal(["c1"], clock.Messages.Where(m => m.AnsweredAt is null).Select(m => m.Item.Id));
        Assert.Equal(
            [("a1", ExclusionReason.Deleted), ("b1", ExclusionReason.Hidden), ("c2", ExclusionReason.Deleted)],
            clock.Exclusions.Select(e => (e.Item.Id, e.Reason)).OrderBy(e => e.Id));
    }
}
