namespace ResponseMonitor.App.Api.Silences;

/// <summary>Silences, newest first, a page at a time.</summary>
/// <param name="Items">This page.</param>
/// <param name="NextAfter">The <c>after</c> of the next page; null on the last.</param>
internal sealed record SilenceListResponse(IReadOnlyList<SilenceDto> Items, string? NextAfter = null);
