namespace ResponseMonitor.App.Api.DashboardPage;

/// <summary>One file of the dashboard page, in memory.</summary>
internal sealed record DashboardAsset(string Name, byte[] Content, string ContentType, string ETag);
