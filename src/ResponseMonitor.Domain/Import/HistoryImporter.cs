using System.Globalization;
using Microsoft.Extensions.Logging;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Critics.Learning;
using ResponseMonitor.Domain.Ingestion;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Text;

namespace ResponseMonitor.Domain.Import;

/// <summary>
/// Imports an export of past posts and replies, so a brand starts with a baseline. Streams the file in batches of
/// <see cref="BatchSize"/> through <see cref="IngestionService"/> (threads resolved, upserts by id: importing the same
/// file twice stores each item once). A bad row is reported by line and skipped; the rest goes in. When anything
/// was stored, the channel is queued for analysis. Columns: docs/METRICS.md, "History import".
/// </summary>
public sealed partial class HistoryImporter(IngestionService ingestion, IAnalysisQueue queue, ICriticLabelStore labels, TimeProvider time, ILogger<HistoryImporter> logger)
{
    /// <summary>Items stored per write.</summary>
    public const int BatchSize = 500;

    /// <summary>Bad rows reported by line at most; the rest are only counted.</summary>
    public const int MaxReportedErrors = 100;

    /// <summary>The field a row reader sets instead of fields when the row itself is malformed.</summary>
    public const string ErrorField = "\0error";
    internal const string NotText = "\0not-text";

    /// <summary>Imports a file into the channel, row by row, and queues an analysis when anything was stored.</summary>
    public async Task<ImportResult> ImportAsync(ChannelDefinition channel, TextReader reader, ImportFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(reader);
        var records = format == ImportFormat.Csv
            ? new CsvRecordReader(reader).ReadAsync(cancellationToken)
            : new JsonLinesRecordReader(reader).ReadAsync(cancellationToken);

        long rows = 0, imported = 0, skipped = 0, labelled = 0, beyondRetention = 0;
        string? beyondRetentionReason = null;
        var errors = new List<ImportRowError>();
        var batch = new List<ContentItem>(BatchSize);
        var batchLabels = new List<CommentLabel>();
        var now = time.GetUtcNow();
        await foreach (var record in records.ConfigureAwait(false))
        {
            rows++;
            var item = ToItem(record.Fields, now, out var error);
            bool? critical = null;
            if (item is not null && record.Fields.GetValueOrDefault("label") is { Length: > 0 } labelText
                && (critical = LabelledCommentReader.Label(labelText)) is null)
            {
                item = null;
                error = $"'label' must be 'critical', 'not_critical' or empty, not '{ErrorText.Quote(labelText)}'";
            }

            if (item is null)
            {
                skipped++;
                if (errors.Count < MaxReportedErrors)
                {
                    errors.Add(new ImportRowError(record.Line, error!));
                }

                continue;
            }

            batch.Add(item);
            if (critical is { } isCritical)
            {
                batchLabels.Add(new CommentLabel(channel.Brand, channel.Id, item.Id, isCritical, now));
            }

            if (batch.Count == BatchSize)
            {
                imported += await FlushAsync().ConfigureAwait(false);
            }
        }

        imported += await FlushAsync().ConfigureAwait(false);
        LogImported(logger, channel.Id, rows, imported, skipped);
        if (imported > 0)
        {
            try
            {
                await queue.EnqueueAsync(channel.Id, "import", cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The items are stored; the next scheduled analysis picks them up.
                LogEnqueueFailed(logger, channel.Id, ex);
            }
        }

        return new ImportResult(rows, imported, skipped, errors, labelled) { BeyondRetention = beyondRetention, BeyondRetentionReason = beyondRetentionReason };

        async Task<long> FlushAsync()
        {
            if (batch.Count == 0)
            {
                return 0;
            }

            var count = batch.Count;
            var result = await ingestion.IngestAsync(channel, batch, cancellationToken).ConfigureAwait(false);
            if (result.BeyondRetention.Count > 0)
            {
                // Rows older than the channel keeps are reported, not stored, and their labels go with them.
                count -= result.BeyondRetention.Count;
                beyondRetention += result.BeyondRetention.Count;
                beyondRetentionReason = result.BeyondRetentionReason;
                var gone = result.BeyondRetention.ToHashSet(StringComparer.Ordinal);
                batchLabels.RemoveAll(l => gone.Contains(l.ItemId));
            }

            // Labels after their items: a label always has a stored comment to teach from.
            if (batchLabels.Count > 0)
            {
                await labels.SaveAsync(batchLabels, cancellationToken).ConfigureAwait(false);
                labelled += batchLabels.Count;
                batchLabels.Clear();
            }

            batch.Clear();
            return count;
        }
    }

    /// <summary>The format a content type or file name says; null when it says neither.</summary>
    public static ImportFormat? FormatFor(string? contentTypeOrName)
    {
        var value = contentTypeOrName?.Split(';')[0].Trim().ToLowerInvariant();
        return value switch
        {
            "csv" or "text/csv" or "application/csv" => ImportFormat.Csv,
            "jsonl" or "ndjson" or "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/jsonlines" => ImportFormat.JsonLines,
            _ => null,
        };
    }

    private static ContentItem? ToItem(IReadOnlyDictionary<string, string?> fields, DateTimeOffset now, out string? error)
    {
        if (fields.TryGetValue(ErrorField, out error) && error is not null)
        {
            return null;
        }

        var notText = fields.FirstOrDefault(f => f.Value == NotText).Key;
        if (notText is not null)
        {
            error = $"'{notText}' must be a string, a number or null, not an object or array";
            return null;
        }

        var id = Field("id");
        var author = Field("authorId");
        var created = Field("createdAt");
        if (id is null || author is null || created is null)
        {
            error = $"'{(id is null ? "id" : author is null ? "authorId" : "createdAt")}' is required";
            return null;
        }

        if (ItemRules.ParseInstant(created) is not { } createdAt)
        {
            error = $"'createdAt' must be an ISO 8601 instant with an offset (2025-03-10T12:00:00Z) or Unix seconds, not '{ErrorText.Quote(created)}'";
            return null;
        }

        DateTimeOffset? editedAt = null;
        if (Field("editedAt") is { } edited)
        {
            editedAt = ItemRules.ParseInstant(edited);
            if (editedAt is null)
            {
                error = $"'editedAt' must be an ISO 8601 instant or Unix seconds, not '{ErrorText.Quote(edited)}'";
                return null;
            }
        }

        if (ItemRules.CheckTimes(createdAt, editedAt, now) is { } timeError)
        {
            error = timeError;
            return null;
        }

        var parentId = Field("parentId");
        ItemKind kind;
        switch (Field("kind")?.ToLowerInvariant())
        {
            case null:
                kind = parentId is null ? ItemKind.Post : ItemKind.Comment;
                break;
            case "post":
                kind = ItemKind.Post;
                break;
            case "comment" or "reply":
                kind = ItemKind.Comment;
                break;
            default:
                error = $"'kind' must be post or comment, not '{ErrorText.Quote(Field("kind"))}'";
                return null;
        }

        if (ItemRules.CheckIds(id, parentId, author) is { } idError)
        {
            error = idError;
            return null;
        }

        error = null;
        return new ContentItem
        {
            Id = id,
            ParentId = parentId,
            Kind = kind,
            AuthorId = author,
            AuthorName = Field("authorName"),
            CreatedAt = createdAt,
            EditedAt = editedAt,
            Text = fields.GetValueOrDefault("text") ?? "",
            Url = Field("url"),

            // A field was longer than the import keeps (ImportLimits.MaxFieldChars): what was kept is stored, marked.
            Truncated = fields.ContainsKey(ImportLimits.CutField),
        };

        string? Field(string name) => fields.GetValueOrDefault(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Imported history into {ChannelId} but could not ask for an analysis; the next scheduled one will run it")]
    private static partial void LogEnqueueFailed(ILogger logger, string channelId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported history into channel {ChannelId}: {Rows} rows, {Imported} stored, {Skipped} skipped")]
    private static partial void LogImported(ILogger logger, string channelId, long rows, long imported, long skipped);
}
