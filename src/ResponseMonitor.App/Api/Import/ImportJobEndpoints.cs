using ResponseMonitor.App.Functions;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Import;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Text;

namespace ResponseMonitor.App.Api.Import;

/// <summary>
/// The history import for files of any size: <c>POST /api/imports/{channelId}</c> streams the body into blob storage,
/// queues the job and answers 202 with where to read its progress, <c>GET /api/imports/{channelId}/{jobId}</c>. The
/// import itself runs from the <c>import-history</c> queue (RunImport), so no request has to outlast Azure's 230 s.
/// With <c>?blob={name}</c> the file was uploaded to the imports container beforehand (past the front end's body limit).
/// </summary>
internal static class ImportJobEndpoints
{
    private const long MaxBodyBytes = 2L * 1024 * 1024 * 1024;

    internal static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        ApiRoute.Post(FunctionNames.StartImport, "imports/{channelId}", StartAsync),
        ApiRoute.Get(FunctionNames.GetImport, "imports/{channelId}/{jobId}", GetAsync),
    ];

    private static async Task<Results<Accepted<ImportJobResponse>, ProblemHttpResult>> StartAsync(string channelId, HttpRequest request, [AsParameters] ImportJobServices services, CancellationToken cancellationToken)
    {
        var (jobs, queue, time) = (services.Jobs, services.Queue, services.Time);
        var blob = request.Query["blob"].FirstOrDefault();
        if (blob is not null && (blob.Length is 0 or > 1024 || blob.Contains("..", StringComparison.Ordinal)))
        {
            return Problems.BadRequest("Query 'blob' must name a blob in the imports container (1-1024 characters, no '..').");
        }

        var original = request.ContentType;
        if (blob is not null && request.Query["format"].Count == 0)
        {
            // The body is empty: the blob's extension says what it is.
            request.ContentType = Path.GetExtension(blob).ToLowerInvariant() switch
            {
                ".csv" => "csv",
                ".jsonl" or ".ndjson" => "jsonl",
                _ => blob,
            };
        }

        var formatOf = UploadedFile.Format(request, "", out var problem, "blob");
        request.ContentType = original;
        if (formatOf is not { } format)
        {
            return problem!;
        }

        var now = time.GetUtcNow();
        var job = new ImportJob { Id = Guid.CreateVersion7(now).ToString("N"), ChannelId = channelId, Format = format, CreatedAt = now, UpdatedAt = now };
        if (blob is null)
        {
            job = await jobs.CreateAsync(job, UploadedFile.Body(request, MaxBodyBytes), cancellationToken).ConfigureAwait(false);
        }
        else if (await jobs.CreateFromUploadAsync(job, blob, cancellationToken).ConfigureAwait(false) is { } fromUpload)
        {
            job = fromUpload;
        }
        else
        {
            return Problems.NotFound("No such upload.", $"There is no blob '{ErrorText.Quote(blob)}' in the imports container.");
        }

        if (job.BytesTotal == 0)
        {
            await jobs.DeleteContentAsync(job, cancellationToken).ConfigureAwait(false);
            await jobs.SaveAsync(job with { State = ImportJobState.Failed, LastError = "The file is empty.", CompletedAt = now }, cancellationToken).ConfigureAwait(false);
            return Problems.BadRequest("The file is empty: send the export as the request body.");
        }

        await queue.EnqueueAsync(channelId, job.Id, cancellationToken).ConfigureAwait(false);
        var response = Map(job);
        return TypedResults.Accepted(response.Location, response);
    }

    private static async Task<Results<Ok<ImportJobResponse>, ProblemHttpResult>> GetAsync(string channelId, string jobId, HttpRequest request, IImportJobStore jobs, CancellationToken cancellationToken)
    {
        var q = new ApiQuery(request.Query);
        q.Only();
        if (q.Error is not null)
        {
            return Problems.BadRequest(q.Error);
        }

        return await jobs.GetAsync(channelId, jobId, cancellationToken).ConfigureAwait(false) is { } job
            ? TypedResults.Ok(Map(job))
            : Problems.NotFound("No such import job.", $"Channel '{channelId}' has no import job '{ErrorText.Quote(jobId)}'.");
    }

    internal static ImportJobResponse Map(ImportJob job) => new(
        job.Id,
        job.ChannelId,
        job.Format == ImportFormat.Csv ? "csv" : "jsonl",
        job.State.ToString().ToLowerInvariant(),
        job.BytesTotal,
        job.BytesRead,
        job.BytesTotal == 0 ? 0 : Math.Round(Math.Min(1, (double)job.BytesRead / job.BytesTotal), 4),
        job.Attempts,
        job.Result is { } result ? ImportEndpoints.Map(job.ChannelId, job.Format, result) : null,
        job.LastError,
        job.CreatedAt,
        job.StartedAt,
        job.CompletedAt,
        $"/api/imports/{Uri.EscapeDataString(job.ChannelId)}/{job.Id}");
}
