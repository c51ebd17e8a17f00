namespace ResponseMonitor.App.Api.Dashboard;

/// <summary>Waiting messages, oldest first. <see cref="Total"/> counts all that matched before the limit.</summary>
public sealed record UnansweredResponse(int Total, IReadOnlyList<UnansweredItemDto> Items);
