namespace ResponseMonitor.App.Api.Warnings;

/// <summary>Warning transitions, newest first, a page at a time.</summary>
/// <param name="Items">This page.</param>
/// <param name="NextAfter">The <c>after</c> of the next page; null on the last.</param>
internal sealed record WarningHistoryResponse(IReadOnlyList<WarningHistoryDto> Items, string? NextAfter = null);
