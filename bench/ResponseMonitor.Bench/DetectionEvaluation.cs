using System.Diagnostics;
using System.Globalization;
using ResponseMonitor.Domain.Critics;

namespace ResponseMonitor.Bench;

/// <summary>
/// Precision, recall and F1 of "critical" for the built-in detector on each labelled set, with the confusion table,
/// on all rows and on the odd rows alone (the even rows are the development half that thresholds were chosen on).
/// A text the detector leaves unclassified counts as "not critical" (that is how the monitor treats it).
/// With <c>sweep</c>, prints F1 on the even rows for a range of thresholds instead.
/// </summary>
internal static class DetectionEvaluation
{
    public static int Run(string folder, bool sweep, bool dump = false)
    {
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"No labelled data at {folder}: pass the folder, or keep shared/ beside the repository.");
            return 2;
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var detector = new LexiconCriticClassifier();
        var lexiconBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        if (sweep)
        {
            Sweep(folder, detector);
            return 0;
        }

        if (dump)
        {
            // One line per text (set, row, gold, score, words) for aggregate error analysis; no text is printed.
            foreach (var (name, _, rows) in DetectionDataSets.Load(folder))
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    var verdict = detector.Classify(rows[i].Text);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{name}\t{i}\t{(rows[i].Critical ? 1 : 0)}\t{(verdict.Label == CriticLabel.Unclassified ? double.NaN : verdict.Score)}\t{rows[i].Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length}"));
                }
            }

            return 0;
        }

        Console.WriteLine("| data set | lang | texts | critical share | precision | recall | F1 | TP | FP | FN | TN | F1 odd rows (held out) | F1 with language hint | F1 calling every text critical | unclassified | other language |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, language, rows) in DetectionDataSets.Load(folder))
        {
            var verdicts = rows.Select(r => detector.Classify(r.Text)).ToList();
            var all = Confusion.Of(rows, verdicts, _ => true);
            var odd = Confusion.Of(rows, verdicts, i => i % 2 == 1);
            var hinted = Confusion.Of(rows, rows.Select(r => detector.Classify(r.Text, language)).ToList(), _ => true);
            var unclassified = verdicts.Count(v => v.Label == CriticLabel.Unclassified);
            var otherLanguage = verdicts.Count(v => v.Label != CriticLabel.Unclassified && v.Language != language);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {language} | {rows.Count} | {(double)(all.Tp + all.Fn) / rows.Count:P0} | {all.Precision:F3} | {all.Recall:F3} | **{all.F1:F3}** | {all.Tp} | {all.Fp} | {all.Fn} | {all.Tn} | {odd.F1:F3} | {hinted.F1:F3} | {2.0 * (all.Tp + all.Fn) / (rows.Count + all.Tp + all.Fn):F3} | {(double)unclassified / rows.Count:P1} | {(double)otherLanguage / rows.Count:P1} |"));
        }

        Console.WriteLine();
        Speed(folder, detector, lexiconBytes);
        return 0;
    }

    private static void Sweep(string folder, LexiconCriticClassifier detector)
    {
        var thresholds = new[] { 0.01, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0, 1.2 };
        Console.WriteLine("| data set (even rows) | " + string.Join(" | ", thresholds.Select(t => t.ToString("F2", CultureInfo.InvariantCulture))) + " |");
        Console.WriteLine("|---|" + string.Concat(thresholds.Select(_ => "---|")));
        foreach (var (name, _, rows) in DetectionDataSets.Load(folder))
        {
            var even = rows.Where((_, i) => i % 2 == 0).ToList();
            var scored = even.Select(r => (r.Critical, Verdict: detector.Classify(r.Text))).ToList();
            var cells = thresholds.Select(t =>
            {
                int tp = 0, fp = 0, fn = 0;
                foreach (var (critical, verdict) in scored)
                {
                    var predicted = verdict.Label != CriticLabel.Unclassified && verdict.Score >= t;
                    tp += critical && predicted ? 1 : 0;
                    fp += !critical && predicted ? 1 : 0;
                    fn += critical && !predicted ? 1 : 0;
                }

                return (2.0 * tp / Math.Max(1, (2 * tp) + fp + fn)).ToString("F3", CultureInfo.InvariantCulture);
            });
            Console.WriteLine($"| {name} | {string.Join(" | ", cells)} |");
        }
    }

    /// <summary>
    /// Texts per second on one thread and bytes allocated per text, against a baseline in the same run: lower-casing and
    /// splitting the same texts, the least any word-based detector must do. Best of 5 passes each.
    /// </summary>
    private static void Speed(string folder, LexiconCriticClassifier detector, long lexiconBytes)
    {
        var texts = DetectionDataSets.Load(folder).SelectMany(s => s.Rows).Select(r => r.Text).ToList();

        var sink = 0.0;
        var detectorBest = Best(() =>
        {
            foreach (var text in texts)
            {
                sink += detector.Classify(text).Score;
            }
        }, out var detectorAllocated);
        var baselineBest = Best(() =>
        {
            foreach (var text in texts)
            {
                sink += text.ToLowerInvariant().Split(' ').Length;
            }
        }, out var baselineAllocated);

        Console.WriteLine("| measure | detector | baseline (lower-case + split) | ratio |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| texts per second, one thread | {texts.Count / detectorBest:F0} | {texts.Count / baselineBest:F0} | {detectorBest / baselineBest:F1}× the time |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| bytes allocated per text | {detectorAllocated / texts.Count:F0} | {baselineAllocated / texts.Count:F0} | {(double)detectorAllocated / baselineAllocated:F1}× |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| lexicons in memory (all six languages) | {lexiconBytes / 1024.0 / 1024.0:F1} MiB | | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"({texts.Count} texts from every set; checksum {sink:F0})"));
    }

    private static double Best(Action pass, out long allocated)
    {
        pass(); // warm-up
        var best = double.MaxValue;
        allocated = 0;
        for (var run = 0; run < 5; run++)
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            pass();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
        }

        return best;
    }

    private sealed record Confusion(int Tp, int Fp, int Fn, int Tn)
    {
        public double Precision => Tp + Fp == 0 ? 0 : (double)Tp / (Tp + Fp);

        public double Recall => Tp + Fn == 0 ? 0 : (double)Tp / (Tp + Fn);

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public static Confusion Of(IReadOnlyList<LabelledText> rows, IReadOnlyList<CriticVerdict> verdicts, Func<int, bool> include)
        {
            int tp = 0, fp = 0, fn = 0, tn = 0;
            for (var i = 0; i < rows.Count; i++)
            {
                if (!include(i))
                {
                    continue;
                }

                switch ((rows[i].Critical, verdicts[i].IsCritical))
                {
                    case (true, true): tp++; break;
                    case (false, true): fp++; break;
                    case (true, false): fn++; break;
                    default: tn++; break;
                }
            }

            return new Confusion(tp, fp, fn, tn);
        }
    }
}
