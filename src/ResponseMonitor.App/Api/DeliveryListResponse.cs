namespace ResponseMonitor.App.Api;

public sealed record DeliveryListResponse(IReadOnlyList<DeliveryDto> Items);
