namespace ResponseMonitor.App.Demo;

/// <summary>A seed item placed in time, as the demo platforms serve it.</summary>
public sealed record DemoItem(string Id, string? ParentId, string AuthorId, string? AuthorName, DateTimeOffset CreatedAt, string Text, string Url);
