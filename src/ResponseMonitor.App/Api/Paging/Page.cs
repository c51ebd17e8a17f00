namespace ResponseMonitor.App.Api.Paging;

/// <summary>One page of a paged route's rows.</summary>
/// <param name="Items">The rows, in the route's order.</param>
/// <param name="NextAfter">The <c>after</c> that asks for the next page; null on the last.</param>
internal sealed record Page<T>(IReadOnlyList<T> Items, string? NextAfter);
