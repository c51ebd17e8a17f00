using Microsoft.AspNetCore.Diagnostics;
using ResponseMonitor.Storage;

namespace ResponseMonitor.App.Api;

/// <summary>
/// Storage down, refusing or hung (the client's time-out): 503 with Retry-After and a problem body, so callers (and
/// webhook senders) know to retry. One log line per request, without the stack: an outage is expected, not a bug.
/// </summary>
internal sealed partial class StorageUnavailableHandler(IProblemDetailsService problems, ILogger<StorageUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!StorageFaults.IsOutage(exception, httpContext.RequestAborted))
        {
            return false;
        }

        LogStorageFailure(logger, httpContext.Request.Path, exception.GetType().Name, (exception as AggregateException)?.InnerException?.Message ?? exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "30";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Storage is unavailable.",
                Detail = "The monitor's storage did not answer; nothing was stored. Retry later.",
            },
        }).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable while serving {Path}: {Kind}: {Reason}")]
    private static partial void LogStorageFailure(ILogger logger, string path, string kind, string reason);
}
