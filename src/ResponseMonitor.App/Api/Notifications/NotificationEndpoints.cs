using ResponseMonitor.App.Api.Paging;
using ResponseMonitor.App.Functions;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Text;

namespace ResponseMonitor.App.Api.Notifications;

/// <summary>
/// The outbox as operators see it: what was sent, what waits (retrying, or held by a silence or quiet hours) and what
/// failed for good, with the last error; a failed delivery can be put back in line.
/// </summary>
internal static class NotificationEndpoints
{
    /// <summary>This feature's routes, served by both hosts.</summary>
    internal static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        ApiRoute.Get(FunctionNames.ListNotifications, "notifications", ListAsync) with { ChannelQuery = true },
        ApiRoute.Post(FunctionNames.RetryNotification, "notifications/{channelId}/{id}/retry", RetryAsync),
    ];

    /// <summary>Deliveries newest first, a page at a time (README.md, "Paging"): <c>limit</c> (1–1000, 100), <c>after</c>.</summary>
    private static async Task<Results<Ok<DeliveryListResponse>, ProblemHttpResult>> ListAsync(HttpRequest request, IChannelCatalog catalog, IWarningStore store, CancellationToken cancellationToken)
    {
        var q = new ApiQuery(request.Query);
        q.Only("status", "channel", "sink", "limit", "after");
        var status = q.Enum<DeliveryStatus>("status");
        var page = PageRequest.Read(q, "notifications", 2);
        if (q.Error is not null)
        {
            return Problems.BadRequest(q.Error);
        }

        var channelId = q.String(KnownChannelFilter.QueryName) is { } id ? KnownChannelFilter.Known(catalog, id).Id : null;
        var shown = await page.TakeAsync(store.StreamDeliveriesAsync(status, channelId, q.String("sink"), cancellationToken), d => [PageRequest.Newest(d.CreatedAt), d.Id], cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new DeliveryListResponse([.. shown.Items.Select(ApiMapper.Delivery)], shown.NextAfter));
    }

    private static async Task<Results<Accepted<DeliveryDto>, ProblemHttpResult>> RetryAsync(string channelId, string id, IChannelCatalog catalog, IWarningStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var channel = KnownChannelFilter.Known(catalog, channelId);
        var delivery = await store.GetDeliveryAsync(channel.Id, id, cancellationToken).ConfigureAwait(false);
        if (delivery is null)
        {
            return Problems.NotFound("Unknown notification.", $"No notification '{ErrorText.Quote(id)}' on channel '{channel.Id}'.");
        }

        if (delivery.Status != DeliveryStatus.Failed)
        {
            return Problems.Conflict("Not failed.", $"Notification '{ErrorText.Quote(id)}' is {delivery.Status.ToString().ToLowerInvariant()}; only failed ones are retried by hand.");
        }

        var retried = delivery with { Status = DeliveryStatus.Pending, NextAttemptAt = time.GetUtcNow(), Attempts = 0, HeldBy = null, ClaimedUntil = null };
        await store.UpdateDeliveriesAsync([retried], cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted((string?)null, ApiMapper.Delivery(retried));
    }
}
