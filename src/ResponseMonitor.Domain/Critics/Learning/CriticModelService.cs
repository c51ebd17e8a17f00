using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Import;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Domain.Critics.Learning;

/// <summary>
/// Each brand's critic detector: the built-in one, or the built-in one refined by the model trained on the brand's own
/// labelled comments, when that model beat the built-in detector in cross-validation on those comments.
/// Models are read from <see cref="ICriticModelStore"/> and kept for <see cref="RefreshAfter"/>, so an instance that
/// did not train a model picks it up within minutes; a store that fails keeps what was loaded last.
/// </summary>
public sealed partial class CriticModelService(
    BuiltInCriticClassifier builtIn,
    CriticModelTrainer trainer,
    ICriticModelStore store,
    ICriticLabelStore labels,
    IItemStore items,
    IChannelCatalog catalog,
    TimeProvider time,
    ILogger<CriticModelService> logger)
{
    /// <summary>How long a loaded model (or its absence) is trusted before the store is asked again.</summary>
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(5);

    /// <summary>A brand's labelled comments beyond this are not read: a model learns nothing more from them.</summary>
    public const int MaxExamples = 100_000;

    private readonly ConcurrentDictionary<string, (DateTimeOffset LoadedAt, CriticModel? Model)> _models = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The detector for <paramref name="brand"/>'s channels.</summary>
    public async Task<ICriticClassifier> ForAsync(string brand, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(brand, cancellationToken).ConfigureAwait(false);
        return model is { Report.Adopted: true } ? new LearnedCriticClassifier(builtIn.Lexicon, model, trainer.Encoder) : builtIn;
    }

    /// <summary>The report of the brand's current model, or null when it has none.</summary>
    public async Task<CriticModelReport?> GetReportAsync(string brand, CancellationToken cancellationToken) =>
        (await ModelAsync(brand, cancellationToken).ConfigureAwait(false))?.Report;

    /// <summary>
    /// Trains the brand's model from a CSV or JSON Lines file of labelled comments and stores it, replacing the last
    /// one. Bad rows are reported by line and skipped; too few labels leave the current model as it was.
    /// </summary>
    public async Task<CriticTrainingResult> TrainAsync(string brand, TextReader reader, ImportFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = format == ImportFormat.Csv
            ? new CsvRecordReader(reader).ReadAsync(cancellationToken)
            : new JsonLinesRecordReader(reader).ReadAsync(cancellationToken);
        long rows = 0, skipped = 0;
        var errors = new List<ImportRowError>();
        var examples = new List<LabelledComment>();
        var capped = false;
        await foreach (var record in records.ConfigureAwait(false))
        {
            rows++;
            if (LabelledCommentReader.Parse(record.Fields, out var error) is not { } example)
            {
                skipped++;
                if (errors.Count < HistoryImporter.MaxReportedErrors)
                {
                    errors.Add(new ImportRowError(record.Line, error!));
                }
            }
            else if (examples.Count < MaxExamples)
            {
                examples.Add(example);
            }
            else
            {
                // Said once, at the first row past the limit.
                if (!capped)
                {
                    errors.Add(new ImportRowError(record.Line, $"only the first {MaxExamples} labelled comments are read; this one and those after it are not"));
                    capped = true;
                }

                skipped++;
            }
        }

        return await TrainAsync(brand, examples, rows, skipped, errors, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Trains the brand's model from the labels given in the dashboard (<see cref="ICriticLabelStore"/>), reading each
    /// labelled comment's text from the items table. A label whose channel or comment is gone is skipped and reported.
    /// </summary>
    public async Task<CriticTrainingResult> TrainFromLabelsAsync(string brand, CancellationToken cancellationToken)
    {
        var stored = await labels.ListAsync(brand, cancellationToken).ConfigureAwait(false);
        var examples = new List<LabelledComment>();
        var errors = new List<ImportRowError>();
        long skipped = 0;
        foreach (var group in stored.Take(MaxExamples).GroupBy(l => l.ChannelId, StringComparer.Ordinal))
        {
            var channel = catalog.Find(group.Key);
            var texts = channel is null
                ? new Dictionary<string, ContentItem>()
                : await items.GetAsync(channel.Id, [.. group.Select(l => l.ItemId)], cancellationToken).ConfigureAwait(false);
            foreach (var label in group)
            {
                if (channel is not null && texts.TryGetValue(label.ItemId, out var item) && !string.IsNullOrWhiteSpace(item.Text))
                {
                    examples.Add(new LabelledComment(item.Text, label.Critical, channel.Language));
                    continue;
                }

                skipped++;
                if (errors.Count < HistoryImporter.MaxReportedErrors)
                {
                    // Labels have no line: their position in the brand's list stands in for it.
                    errors.Add(new ImportRowError(examples.Count + skipped, channel is null
                        ? $"channel '{label.ChannelId}' is no longer configured (item '{label.ItemId}')"
                        : $"item '{label.ItemId}' of channel '{label.ChannelId}' is not stored or has no text"));
                }
            }
        }

        return await TrainAsync(brand, examples, Math.Min(stored.Count, MaxExamples), skipped, errors, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CriticTrainingResult> TrainAsync(string brand, List<LabelledComment> examples, long rows, long skipped, List<ImportRowError> errors, CancellationToken cancellationToken)
    {
        if (CriticModelTrainer.Refusal(examples) is { } refusal)
        {
            return new CriticTrainingResult(rows, 0, skipped, errors, null, refusal);
        }

        var model = trainer.Train(brand, examples, time.GetUtcNow(), cancellationToken);
        await store.SaveAsync(brand, model.ToBytes(), cancellationToken).ConfigureAwait(false);
        _models[brand] = (time.GetUtcNow(), model);
        LogTrained(logger, brand, examples.Count, model.Report.Model.F1, model.Report.BuiltIn.F1, model.Report.Adopted, model.Report.Kind);
        return new CriticTrainingResult(rows, examples.Count, skipped, errors, model.Report, null);
    }

    /// <summary>Removes the brand's model: its channels go back to the built-in detector.</summary>
    public async Task<bool> DeleteAsync(string brand, CancellationToken cancellationToken)
    {
        var deleted = await store.DeleteAsync(brand, cancellationToken).ConfigureAwait(false);
        _models[brand] = (time.GetUtcNow(), null);
        return deleted;
    }

    private async Task<CriticModel?> ModelAsync(string brand, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_models.TryGetValue(brand, out var cached) && now - cached.LoadedAt < RefreshAfter)
        {
            return cached.Model;
        }

        try
        {
            var bytes = await store.GetAsync(brand, cancellationToken).ConfigureAwait(false);
            var model = bytes is null ? null : CriticModel.FromBytes(bytes);
            _models[brand] = (now, model);
            return model;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An outage or a damaged blob must not stop the analysis: keep the last model (or the built-in detector)
            // and ask again at the next refresh.
            LogLoadFailed(logger, brand, ex);
            _models[brand] = (now, cached.Model);
            return cached.Model;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trained the critic model of brand {Brand} on {Examples} labelled comments: cross-validated F1 {ModelF1:F3} against {BuiltInF1:F3} built-in; adopted {Adopted}; {Kind}")]
    private static partial void LogTrained(ILogger logger, string brand, int examples, double modelF1, double builtInF1, bool adopted, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not load the critic model of brand {Brand}; keeping the last one loaded")]
    private static partial void LogLoadFailed(ILogger logger, string brand, Exception exception);
}
