using System.Diagnostics;
using System.Globalization;
using ResponseMonitor.Domain.Critics;

namespace ResponseMonitor.Bench;

/// <summary>
/// Precision, recall and F1 of "critical" for the built-in detector on each labelled set, with the confusion table.
/// A text the detector leaves unclassified counts as "not critical" (that is how the monitor treats it), and the
/// share of unclassified texts and of texts guessed in the wrong language are shown beside the scores.
/// </summary>
internal static class DetectionEvaluation
{
    public static int Run(string folder)
    {
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"No labelled data at {folder}: pass the folder, or keep shared/ beside the repository.");
            return 2;
        }

        var detector = new LexiconCriticClassifier();
        Console.WriteLine("| data set | lang | texts | critical share | precision | recall | F1 | TP | FP | FN | TN | unclassified | other language | texts/s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, language, rows) in DetectionDataSets.Load(folder))
        {
            int tp = 0, fp = 0, fn = 0, tn = 0, unclassified = 0, otherLanguage = 0;
            var clock = Stopwatch.StartNew();
            foreach (var row in rows)
            {
                var verdict = detector.Classify(row.Text);
                unclassified += verdict.Label == CriticLabel.Unclassified ? 1 : 0;
                otherLanguage += verdict.Label != CriticLabel.Unclassified && verdict.Language != language ? 1 : 0;
                switch ((row.Critical, verdict.IsCritical))
                {
                    case (true, true): tp++; break;
                    case (false, true): fp++; break;
                    case (true, false): fn++; break;
                    default: tn++; break;
                }
            }

            var seconds = clock.Elapsed.TotalSeconds;
            var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
            var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {language} | {rows.Count} | {(double)(tp + fn) / rows.Count:P0} | {precision:F3} | {recall:F3} | **{f1:F3}** | {tp} | {fp} | {fn} | {tn} | {(double)unclassified / rows.Count:P1} | {(double)otherLanguage / rows.Count:P1} | {rows.Count / seconds:F0} |"));
        }

        return 0;
    }
}
