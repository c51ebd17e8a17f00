namespace ResponseMonitor.App.Api.Metrics;

/// <summary>What the response clock left out, oldest first, a page at a time.</summary>
/// <param name="ChannelId">The channel asked for; null when every channel was.</param>
/// <param name="From">The window's start.</param>
/// <param name="To">The window's end.</param>
/// <param name="AsOf">The instant the window is judged at.</param>
/// <param name="Counts">Every exclusion in the window by reason, on every page.</param>
/// <param name="Items">This page.</param>
/// <param name="NextAfter">The <c>after</c> of the next page; null on the last.</param>
internal sealed record ExclusionListResponse(string? ChannelId, DateTimeOffset From, DateTimeOffset To, DateTimeOffset AsOf, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<ExclusionDto> Items, string? NextAfter = null);
