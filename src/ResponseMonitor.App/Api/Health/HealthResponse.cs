namespace ResponseMonitor.App.Api.Health;

public sealed record HealthResponse(string Status, string Mode, DateTimeOffset Time);
