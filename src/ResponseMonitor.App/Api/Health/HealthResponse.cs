namespace ResponseMonitor.App.Api.Health;

internal sealed record HealthResponse(string Status, string Mode, DateTimeOffset Time);
