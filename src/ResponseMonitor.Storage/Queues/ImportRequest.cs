namespace ResponseMonitor.Storage.Queues;

/// <summary>The RunImport queue message: which job to run. JSON, Base64-encoded on the queue as the Functions host expects.</summary>
public sealed record ImportRequest(string ChannelId, string JobId);
