using Microsoft.AspNetCore.Diagnostics;

namespace ResponseMonitor.App.Api;

/// <summary>
/// A route handler run as an HTTP function's result. It gives the worker what the standalone pipeline's
/// UseExceptionHandler and UseStatusCodePages give Kestrel: exceptions go to the same <see cref="IExceptionHandler"/>s
/// (storage down is a 503), anything else is a 500 problem without internals, and an empty error answer gets a
/// problem body.
/// </summary>
internal sealed partial class RouteHandlerResult(RequestDelegate handler) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var services = httpContext.RequestServices;
        try
        {
            await handler(httpContext).ConfigureAwait(false);
        }
        catch (Exception ex) when (!httpContext.RequestAborted.IsCancellationRequested && !httpContext.Response.HasStarted)
        {
            httpContext.Response.Clear();
            foreach (var exceptionHandler in services.GetServices<IExceptionHandler>())
            {
                if (await exceptionHandler.TryHandleAsync(httpContext, ex, httpContext.RequestAborted).ConfigureAwait(false))
                {
                    return;
                }
            }

            LogUnhandled(services.GetRequiredService<ILogger<RouteHandlerResult>>(), httpContext.Request.Path, ex);
            httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await WriteProblemAsync(httpContext).ConfigureAwait(false);
            return;
        }

        var response = httpContext.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            await WriteProblemAsync(httpContext).ConfigureAwait(false);
        }
    }

    private static async Task WriteProblemAsync(HttpContext httpContext)
    {
        var problems = httpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = httpContext }).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error while serving {Path}")]
    private static partial void LogUnhandled(ILogger logger, string path, Exception exception);
}
