using ResponseMonitor.App.Functions;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.App.Api.Notifications;

/// <summary>
/// The outbox as operators see it: what was sent, what waits (retrying, or held by a silence or quiet hours) and what
/// failed for good, with the last error; a failed delivery can be put back in line.
/// </summary>
public static class NotificationEndpoints
{
    /// <summary>This feature's routes, served by both hosts.</summary>
    internal static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        ApiRoute.Get(FunctionNames.ListNotifications, "notifications", ListAsync),
        ApiRoute.Post(FunctionNames.RetryNotification, "notifications/{channelId}/{id}/retry", RetryAsync),
    ];

    private static async Task<IResult> ListAsync(HttpRequest request, IChannelCatalog catalog, IWarningStore store, CancellationToken cancellationToken)
    {
        var q = new ApiQuery(request.Query);
        q.Only("status", "channel", "sink", "limit");
        var status = q.Enum<DeliveryStatus>("status");
        var channelId = q.String("channel");
        if (channelId is not null && catalog.Find(channelId) is null)
        {
            return Problems.UnknownChannel(channelId);
        }

        var limit = q.Int("limit", 100, 1, 1000);
        if (q.Error is not null)
        {
            return Problems.BadRequest(q.Error);
        }

        var list = await store.ListDeliveriesAsync(status, channelId is null ? null : catalog.Find(channelId)!.Id, q.String("sink"), limit, cancellationToken).ConfigureAwait(false);
        return Results.Json(new DeliveryListResponse(list.Select(ApiMapper.Delivery).ToList()), ApiJsonContext.Default.DeliveryListResponse);
    }

    private static async Task<IResult> RetryAsync(string channelId, string id, IChannelCatalog catalog, IWarningStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (catalog.Find(channelId) is not { } channel)
        {
            return Problems.UnknownChannel(channelId);
        }

        var delivery = await store.GetDeliveryAsync(channel.Id, id, cancellationToken).ConfigureAwait(false);
        if (delivery is null)
        {
            return Results.Problem($"No notification '{id}' on channel '{channel.Id}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown notification.");
        }

        if (delivery.Status != DeliveryStatus.Failed)
        {
            return Results.Problem($"Notification '{id}' is {delivery.Status.ToString().ToLowerInvariant()}; only failed ones are retried by hand.", statusCode: StatusCodes.Status409Conflict, title: "Not failed.");
        }

        var retried = delivery with { Status = DeliveryStatus.Pending, NextAttemptAt = time.GetUtcNow(), Attempts = 0, HeldBy = null, ClaimedUntil = null };
        await store.UpdateDeliveriesAsync([retried], cancellationToken).ConfigureAwait(false);
        return Results.Json(ApiMapper.Delivery(retried), ApiJsonContext.Default.DeliveryDto, statusCode: StatusCodes.Status202Accepted);
    }
}
