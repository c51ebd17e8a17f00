namespace ResponseMonitor.App.Api.Notifications;

public sealed record DeliveryListResponse(IReadOnlyList<DeliveryDto> Items);
