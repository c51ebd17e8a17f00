namespace ResponseMonitor.App.Api.Handled;

/// <summary>One event of a comment's handling: marked, changed or unmarked.</summary>
internal sealed record HandledEventDto(string Event, string Reason, string? By, string? Note, DateTimeOffset At);
