namespace ResponseMonitor.Domain.Polling;

/// <summary>How one channel's poll ended.</summary>
public sealed record PollOutcome(string ChannelId, bool Succeeded, int ItemsStored, int PagesStored, string? Error);
