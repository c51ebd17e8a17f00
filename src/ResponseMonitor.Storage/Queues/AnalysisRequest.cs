namespace ResponseMonitor.Storage.Queues;

/// <summary>The AnalyzeChannel queue message. JSON, Base64-encoded on the queue as the Functions host expects.</summary>
public sealed record AnalysisRequest(string ChannelId, string Reason, DateTimeOffset RequestedAt);
