namespace ResponseMonitor.App.Api.Critics;

/// <summary>Labels for stored comments, from the dashboard: 1 to 1,000 a request.</summary>
internal sealed record CriticLabelRequest(IReadOnlyList<CriticLabelDto?>? Labels);
