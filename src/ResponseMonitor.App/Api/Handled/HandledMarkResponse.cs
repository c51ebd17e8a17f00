namespace ResponseMonitor.App.Api.Handled;

/// <summary>A comment's mark and every event of its handling, oldest first.</summary>
internal sealed record HandledMarkResponse(HandledMarkDto Mark, IReadOnlyList<HandledEventDto> History);
