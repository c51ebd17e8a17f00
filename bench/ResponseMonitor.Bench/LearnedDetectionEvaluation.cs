using System.Globalization;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Critics.Learning;

namespace ResponseMonitor.Bench;

/// <summary>
/// What a brand gets by labelling its own history and training its model (<see cref="CriticModelTrainer"/>), simulated
/// on each labelled set: the earliest half of the texts (by date where the set dates them, else in file order) is the
/// labelled history; the latest half is the future the model is judged on, next to the built-in detector on the same
/// texts. The learning curve trains on the most recent N texts of the history only. A model that did not beat the
/// built-in detector on its own held-out labels is not adopted (as in the product), and the brand keeps the built-in
/// verdicts: those cells say "kept built-in" with the model's F1 beside it.
/// Nothing learnt here is kept or shipped: each set is used to measure the method, not to build the product.
/// </summary>
internal static class LearnedDetectionEvaluation
{
    private static readonly int[] Sizes = [250, 500, 1000, 2000];

    public static int Run(string folder)
    {
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"No labelled data at {folder}: pass the folder, or keep shared/ beside the repository.");
            return 2;
        }

        var builtIn = new LexiconCriticClassifier();
        var trainer = new CriticModelTrainer(builtIn);
        var now = DateTimeOffset.UnixEpoch;
        Console.WriteLine("| data set | lang | history (labelled) | future (judged) | built-in F1 on the future | model F1 on the future | precision | recall | TP | FP | FN | TN | " +
            string.Join(" | ", Sizes.Select(n => $"F1 with the last {n} labels")) + " |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|" + string.Concat(Sizes.Select(_ => "---|")));
        foreach (var (name, language, rows) in DetectionDataSets.Load(folder))
        {
            var ordered = rows.All(r => r.At is not null) ? [.. rows.OrderBy(r => r.At)] : rows.ToList();
            var history = ordered.Take(ordered.Count / 2).Select(r => new LabelledComment(r.Text, r.Critical, language)).ToList();
            var future = ordered.Skip(ordered.Count / 2).ToList();
            var builtInQuality = DetectionQuality.Of(future.Select(r => (r.Critical, builtIn.Classify(r.Text, language).IsCritical)));

            var (full, adopted) = Judge(trainer, history, future, language, now) ?? throw new InvalidOperationException("Too few labels in " + name);
            var curve = Sizes.Select(n => n > history.Count ? "" : Judge(trainer, history[^n..], future, language, now) switch
            {
                null => "too few",
                (var q, true) => q.F1.ToString("F3", CultureInfo.InvariantCulture),
                (var q, false) => string.Create(CultureInfo.InvariantCulture, $"kept built-in (model {q.F1:F3})"),
            }).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {language} | {history.Count} | {future.Count} | {builtInQuality.F1:F3} | **{full.F1:F3}**{(adopted ? "" : " (not adopted)")} | {full.Precision:F3} | {full.Recall:F3} | {full.TruePositives} | {full.FalsePositives} | {full.FalseNegatives} | {full.TrueNegatives} | {string.Join(" | ", curve)} |"));
        }

        Console.WriteLine();
        Cost(folder, builtIn, trainer, now);
        Console.WriteLine();
        Heads(folder, builtIn, now);
        return 0;
    }

    /// <summary>
    /// A brand's head over MiniLM embeddings against its linear model, on the English sets, same halves as above: what
    /// cross-validation on the history chose, and both on the future. The head trains on the latest
    /// <see cref="CriticModelTrainer.MaxHeadExamples"/> English labels of the history, as in the product.
    /// </summary>
    private static void Heads(string folder, LexiconCriticClassifier builtIn, DateTimeOffset now)
    {
        if (!ResponseMonitor.Domain.Critics.Models.MiniLmEncoder.IsAvailable())
        {
            Console.WriteLine("(no MiniLM weights beside the bench: the brand head is not measured)");
            return;
        }

        var encoder = ResponseMonitor.Domain.Critics.Models.ShippedCriticModels.SharedEncoder;
        var trainer = new CriticModelTrainer(builtIn, encoder);
        Console.WriteLine("| data set | history (labelled) | future (judged) | built-in F1 on the future | linear model F1 on the future | head F1 on the future | cross-validated on the history: head / linear (English labels) | chosen | training, one thread |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, language, rows) in DetectionDataSets.Load(folder).Where(s => s.Language == CriticModelTrainer.HeadLanguage))
        {
            var ordered = rows.All(r => r.At is not null) ? [.. rows.OrderBy(r => r.At)] : rows.ToList();
            var history = ordered.Take(ordered.Count / 2).Select(r => new LabelledComment(r.Text, r.Critical, language)).ToList();
            var future = ordered.Skip(ordered.Count / 2).ToList();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var model = trainer.Train("bench", history, now);
            var seconds = clock.Elapsed.TotalSeconds;
            var texts = future.Select(r => r.Text).ToList();
            var linear = new LearnedCriticClassifier(builtIn, model).ClassifyAsync(texts, language, CancellationToken.None).Result;
            IReadOnlyList<CriticVerdict> withHead = model.Head is null ? [] : new LearnedCriticClassifier(builtIn, model, encoder).ClassifyAsync(texts, language, CancellationToken.None).Result;

            var f1 = (IReadOnlyList<CriticVerdict> v) => v.Count == 0 ? "not chosen" : DetectionQuality.Of(future.Select((r, i) => (r.Critical, v[i].IsCritical))).F1.ToString("F3", CultureInfo.InvariantCulture);
            var head = model.Report.EmbeddingHead;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {history.Count} | {future.Count} | {DetectionQuality.Of(future.Select(r => (r.Critical, builtIn.Classify(r.Text, language).IsCritical))).F1:F3} | {f1(linear)} | {f1(withHead)} | {head?.Head.F1:F3} / {head?.Linear.F1:F3} ({head?.Examples}) | {(head is { Chosen: true } ? "head" : "linear")} | {seconds:F0} s |"));
        }
    }

    /// <summary>
    /// What a model costs: training time and model size for the largest set, and verdicts per second with the model
    /// against the built-in detector alone, in the same run (best of 5 passes each).
    /// </summary>
    private static void Cost(string folder, LexiconCriticClassifier builtIn, CriticModelTrainer trainer, DateTimeOffset now)
    {
        var (_, language, rows) = DetectionDataSets.Load(folder).First();
        var labels = rows.Select(r => new LabelledComment(r.Text, r.Critical, language)).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var model = trainer.Train("bench", labels, now);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var bytes = model.ToBytes().Length;

        var learned = new LearnedCriticClassifier(builtIn, model);
        var texts = rows.Select(r => r.Text).ToList();
        var sink = 0.0;
        var builtInBest = Best(() => texts.ForEach(t => sink += builtIn.Classify(t, language).Score));
        var learnedBest = Best(() => texts.ForEach(t => sink += learned.Classify(t, language).Score));
        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| training on {labels.Count} labels (five folds + the final model), one thread | {trainSeconds:F1} s |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| model size (non-zero weights + report) | {bytes / 1024.0:F0} KiB |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| verdicts per second with the model, one thread | {texts.Count / learnedBest:F0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| verdicts per second, built-in alone (same run) | {texts.Count / builtInBest:F0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| time with the model / built-in alone | {learnedBest / builtInBest:F2}× |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(checksum {sink:F0})"));
    }

    private static double Best(Action pass)
    {
        pass();
        var best = double.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            pass();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return best;
    }

    private static (DetectionQuality Quality, bool Adopted)? Judge(CriticModelTrainer trainer, List<LabelledComment> history, List<LabelledText> future, string language, DateTimeOffset now)
    {
        CriticModel model;
        try
        {
            model = trainer.Train("bench", history, now);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var classifier = new LearnedCriticClassifier(new LexiconCriticClassifier(), model);
        return (DetectionQuality.Of(future.Select(r => (r.Critical, classifier.Classify(r.Text, language).IsCritical))), model.Report.Adopted);
    }
}
