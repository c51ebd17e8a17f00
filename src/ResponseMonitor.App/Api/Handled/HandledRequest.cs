namespace ResponseMonitor.App.Api.Handled;

/// <summary>A person closing a comment without an answer on the channel: why, who, and a note for colleagues.</summary>
internal sealed record HandledRequest(string? Reason, string? By, string? Note);
