using Azure;
using Microsoft.AspNetCore.Diagnostics;

namespace ResponseMonitor.App.Api;

/// <summary>Storage down or refusing: 503 with a problem body, so callers (and webhook senders) know to retry.</summary>
internal sealed partial class StorageUnavailableHandler(IProblemDetailsService problems, ILogger<StorageUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (RequestFailedException or AggregateException { InnerException: RequestFailedException }))
        {
            return false;
        }

        LogStorageFailure(logger, httpContext.Request.Path, exception);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage failure while serving {Path}")]
    private static partial void LogStorageFailure(ILogger logger, string path, Exception exception);
}
