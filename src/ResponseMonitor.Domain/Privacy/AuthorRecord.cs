using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Critics.Learning;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Domain.Privacy;

/// <summary>Everything stored about one author on one channel: their items, and every row that mentions them.</summary>
public sealed record AuthorRecord(
    string ChannelId,
    string AuthorId,
    IReadOnlyList<ContentItem> Items,
    IReadOnlyList<OpenComment> OpenComments,
    IReadOnlyList<CommentLabel> Labels,
    IReadOnlyList<WarningRecord> Warnings,
    IReadOnlyList<WarningHistoryEntry> History,
    IReadOnlyList<NotificationDelivery> Deliveries);
