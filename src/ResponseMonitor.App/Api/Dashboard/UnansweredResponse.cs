namespace ResponseMonitor.App.Api.Dashboard;

/// <summary>Waiting messages, oldest (or soonest due) first. <see cref="Total"/> counts all that matched, on every page.</summary>
/// <param name="Total">Every waiting message that matched.</param>
/// <param name="Items">This page of them.</param>
/// <param name="NextAfter">The <c>after</c> of the next page; null on the last.</param>
internal sealed record UnansweredResponse(int Total, IReadOnlyList<UnansweredItemDto> Items, string? NextAfter = null);
