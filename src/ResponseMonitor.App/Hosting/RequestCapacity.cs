using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ResponseMonitor.App.Configuration;

namespace ResponseMonitor.App.Hosting;

/// <summary>
/// Standalone, the API and the background work (the poll timer, the queue listener) share one thread pool. Under a
/// closed-loop read load the pool's queue fills with requests and a poll's continuations wait behind thousands of them:
/// cycles started late and took 8.7 s (issue 27). Requests are therefore admitted a few at a time
/// (<see cref="ApiOptions.MaxConcurrentRequests"/>); the rest wait asynchronously, in order, costing no thread, so the
/// pool's queue stays short and the background work keeps its schedule. Under the Functions host the host does this.
/// </summary>
internal static class RequestCapacity
{
    public static IServiceCollection AddRequestCapacity(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ApiOptions>>((limiter, api) =>
        {
            var permits = api.Value.MaxConcurrentRequests > 0 ? api.Value.MaxConcurrentRequests : 4 * Environment.ProcessorCount;
            var queued = api.Value.MaxQueuedRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(_ => RateLimitPartition.GetConcurrencyLimiter("api", _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = permits,
                QueueLimit = queued,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
            limiter.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }
}
