namespace ResponseMonitor.Domain.Critics.Learning;

/// <summary>
/// A community manager's judgement of one stored comment, given from the dashboard: critical or not. The text is not
/// copied: training reads it from the items table, so deleting an item deletes what the label taught.
/// </summary>
public sealed record CommentLabel(string Brand, string ChannelId, string ItemId, bool Critical, DateTimeOffset LabelledAt);
