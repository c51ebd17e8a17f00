using ResponseMonitor.App.Functions;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Import;

namespace ResponseMonitor.App.Api.Import;

/// <summary>
/// <c>POST /api/import/{channelId}</c>: a JSONL or CSV export of past posts and replies, streamed into storage.
/// The format comes from Content-Type (text/csv, application/x-ndjson) or <c>?format=csv|jsonl</c>.
/// </summary>
internal static class ImportEndpoints
{
    // Exports of a few years of a busy channel run to hundreds of MB; the body is streamed, never buffered.
    private const long MaxBodyBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>This feature's routes, served by both hosts.</summary>
    internal static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        ApiRoute.Post(FunctionNames.ImportHistory, "import/{channelId}", ImportAsync),
    ];

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> ImportAsync(string channelId, HttpRequest request, IChannelCatalog catalog, HistoryImporter importer, CancellationToken cancellationToken)
    {
        var channel = KnownChannelFilter.Known(catalog, channelId);
        if (UploadedFile.Format(request, "", out var problem) is not { } format)
        {
            return problem!;
        }

        using var reader = UploadedFile.Open(request, MaxBodyBytes);
        var result = await importer.ImportAsync(channel, reader, format, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Map(channel, format, result));
    }

    internal static ImportResponse Map(ChannelDefinition channel, ImportFormat format, ImportResult result) => Map(channel.Id, format, result);

    internal static ImportResponse Map(string channelId, ImportFormat format, ImportResult result) => new(
        channelId,
        format == ImportFormat.Csv ? "csv" : "jsonl",
        result.Rows,
        result.Imported,
        result.Skipped,
        result.Errors.Select(e => new ImportErrorDto(e.Line, e.Error)).ToList(),
        result.ErrorsTruncated,
        result.Labelled)
    {
        BeyondRetention = result.BeyondRetention,
        BeyondRetentionReason = result.BeyondRetentionReason,
    };
}
