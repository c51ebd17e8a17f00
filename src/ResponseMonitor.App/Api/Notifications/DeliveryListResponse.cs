namespace ResponseMonitor.App.Api.Notifications;

/// <summary>Notification deliveries, newest first, a page at a time.</summary>
/// <param name="Items">This page.</param>
/// <param name="NextAfter">The <c>after</c> of the next page; null on the last.</param>
internal sealed record DeliveryListResponse(IReadOnlyList<DeliveryDto> Items, string? NextAfter = null);
