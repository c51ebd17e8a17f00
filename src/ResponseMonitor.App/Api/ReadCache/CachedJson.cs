namespace ResponseMonitor.App.Api.ReadCache;

/// <summary>A serialized read answer, shared by every client that asks within the cache's lifetime.</summary>
/// <param name="Body">UTF-8 JSON.</param>
/// <param name="ETag">A strong validator: a hash of <paramref name="Body"/>, quoted.</param>
/// <param name="CreatedAt">When it was computed, on the app's clock.</param>
public sealed record CachedJson(ReadOnlyMemory<byte> Body, string ETag, DateTimeOffset CreatedAt);
