namespace ResponseMonitor.Connectors.Platforms;

/// <summary>A demo item placed in time, as the emulated platforms serve it.</summary>
public sealed record DemoItem(string Id, string? ParentId, string AuthorId, string? AuthorName, DateTimeOffset CreatedAt, string Text, string Url);
