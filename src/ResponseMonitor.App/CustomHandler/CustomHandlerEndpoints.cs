using System.Globalization;
using System.Text.Json;
using ResponseMonitor.App.Api;
using ResponseMonitor.App.Functions;
using ResponseMonitor.Storage;

namespace ResponseMonitor.App.CustomHandler;

/// <summary>
/// The custom handler contract for the non-HTTP functions: the Functions host POSTs <c>{"Data":…,"Metadata":…}</c> to
/// <c>/PollChannels</c> and <c>/AnalyzeChannel</c> and reads <c>{"Outputs":…,"Logs":…,"ReturnValue":…}</c>. A non-2xx
/// answer fails the invocation, which for the queue trigger means retry and, after maxDequeueCount, the poison queue.
/// These paths sit outside /api, so the host's HTTP routes never reach them.
/// </summary>
public static partial class CustomHandlerEndpoints
{
    /// <summary>The queue trigger's binding name in AnalyzeChannel/function.json.</summary>
    public const string QueueBindingName = "message";

    public static IEndpointRouteBuilder MapCustomHandlerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/" + FunctionNames.PollChannels, PollChannelsAsync).ExcludeFromDescription();
        app.MapPost("/" + FunctionNames.AnalyzeChannel, AnalyzeChannelAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> PollChannelsAsync(InvocationRequest? request, PollChannelsFunction function, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        try
        {
            var summary = await function.RunAsync(cancellationToken).ConfigureAwait(false);
            var logs = new List<string>
            {
                string.Create(CultureInfo.InvariantCulture, $"Polled {summary.Channels.Count} channels: {summary.ItemsStored} items stored, {summary.Failed} failed, {summary.AnalysisRequested.Count} queued for analysis."),
            };
            logs.AddRange(summary.Channels.Where(c => !c.Succeeded).Select(c => $"Channel {c.ChannelId} failed: {c.Error}"));
            return Results.Json(new InvocationResponse { Logs = logs }, ApiJsonContext.Default.InvocationResponse);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(loggers.CreateLogger(typeof(CustomHandlerEndpoints)), FunctionNames.PollChannels, ex.Message, StorageFaults.IsOutage(ex) ? null : ex);
            return Failure($"PollChannels failed: {ex.Message}");
        }
    }

    private static async Task<IResult> AnalyzeChannelAsync(InvocationRequest? request, AnalyzeChannelFunction function, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (request?.Data is null || !request.Data.TryGetValue(QueueBindingName, out var data))
        {
            return Results.Json(
                new InvocationResponse { Logs = [$"The invocation has no Data.{QueueBindingName}: the queue binding in AnalyzeChannel/function.json must be named '{QueueBindingName}'."] },
                ApiJsonContext.Default.InvocationResponse,
                statusCode: StatusCodes.Status400BadRequest);
        }

        // The host passes a queue message as a JSON string; a JSON message may also arrive already parsed.
        var message = data.ValueKind == JsonValueKind.String ? data.GetString() ?? "" : data.GetRawText();
        try
        {
            var result = await function.RunAsync(message, cancellationToken).ConfigureAwait(false);
            var snapshot = result.Snapshot;
            var log = string.Create(CultureInfo.InvariantCulture, $"Analysed channel {snapshot.ChannelId}: {snapshot.OpenCount} open, {snapshot.CriticalOpenCount} critical; warnings raised {result.WarningsRaised}, resolved {result.WarningsResolved}.");
            return Results.Json(new InvocationResponse { Logs = [log] }, ApiJsonContext.Default.InvocationResponse);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(loggers.CreateLogger(typeof(CustomHandlerEndpoints)), FunctionNames.AnalyzeChannel, ex.Message, StorageFaults.IsOutage(ex) ? null : ex);
            return Failure($"AnalyzeChannel failed: {ex.Message}");
        }
    }

    private static IResult Failure(string log) =>
        Results.Json(new InvocationResponse { Logs = [log] }, ApiJsonContext.Default.InvocationResponse, statusCode: StatusCodes.Status500InternalServerError);

    [LoggerMessage(Level = LogLevel.Error, Message = "Invocation of {Function} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string function, string error, Exception? exception);
}
