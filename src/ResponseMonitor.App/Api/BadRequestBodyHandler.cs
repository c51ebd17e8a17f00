using Microsoft.AspNetCore.Diagnostics;

namespace ResponseMonitor.App.Api;

/// <summary>
/// A request body the server refused while reading it: larger than allowed (413), shorter than its Content-Length, or
/// too slow (400 or 408). These are the caller's faults, answered as such and logged as one line, not as a 500.
/// </summary>
internal sealed partial class BadRequestBodyHandler(IProblemDetailsService problems, ILogger<BadRequestBodyHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        LogRefused(logger, httpContext.Request.Path, bad.StatusCode, bad.Message);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large." : "The request body could not be read.",
                Detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? $"The body is larger than this route takes ({JsonBody.MaxBytes / (1024 * 1024)} MiB for JSON bodies)."
                    : "The body ended before its Content-Length, or arrived too slowly; nothing was stored.",
            },
        }).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused the body of a request to {Path}: {Status} {Reason}")]
    private static partial void LogRefused(ILogger logger, string path, int status, string reason);
}
