namespace ResponseMonitor.App.Api.Warnings;

/// <summary>Warnings, newest change first, a page at a time.</summary>
/// <param name="Items">This page.</param>
/// <param name="Truncated">More matched than this page holds (as <paramref name="NextAfter"/> is set; kept for older clients).</param>
/// <param name="NextAfter">The <c>after</c> of the next page; null on the last.</param>
internal sealed record WarningListResponse(IReadOnlyList<WarningDto> Items, bool Truncated, string? NextAfter = null);
