namespace ResponseMonitor.App.Api;

public sealed record HealthResponse(string Status, string Mode, DateTimeOffset Time);
