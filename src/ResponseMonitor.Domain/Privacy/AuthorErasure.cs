namespace ResponseMonitor.Domain.Privacy;

/// <summary>What erasing one author removed or redacted, table by table.</summary>
public sealed record AuthorErasure(string ChannelId, int Items, int OpenComments, int Labels, WarningRowCounts Redacted, IReadOnlyList<string> ModelsToRetrain);
