using Azure;
using Microsoft.AspNetCore.Diagnostics;
using ResponseMonitor.Storage;

namespace ResponseMonitor.App.Api;

/// <summary>
/// Storage refusing what a request asked it to store (a 4xx: a key or value it cannot hold) is the request's fault and
/// a retry never helps: 400 (or 409, 413) naming storage's error code, never a 503 "retry later".
/// </summary>
internal sealed partial class StorageRefusalHandler(IProblemDetailsService problems, ILogger<StorageRefusalHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var refused = exception as RequestFailedException ?? (exception as AggregateException)?.InnerExceptions.OfType<RequestFailedException>().FirstOrDefault();
        if (refused is null || !StorageFaults.IsRefusal(refused))
        {
            return false;
        }

        var status = refused.Status switch
        {
            409 or 412 => StatusCodes.Status409Conflict,
            413 => StatusCodes.Status413PayloadTooLarge,
            _ => StatusCodes.Status400BadRequest,
        };
        LogRefused(logger, httpContext.Request.Path, refused.Status, refused.ErrorCode);
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = "Storage refused the request.",
                Detail = $"Storage answered {refused.Status} ({refused.ErrorCode ?? "no error code"}) to what this request asked it to store; retrying the same request will not help. Rows written before the refusal stay stored.",
            },
        }).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage refused a write while serving {Path}: {Status} {ErrorCode}")]
    private static partial void LogRefused(ILogger logger, string path, int status, string? errorCode);
}
