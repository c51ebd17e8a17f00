namespace ResponseMonitor.Bench;

/// <summary>
/// The labelled sets in shared/data/sentiment (sources and licences: shared/data/README.md), read as "critical or not".
/// Evaluation only: nothing here is shipped or used to build the detector.
/// </summary>
internal static class DetectionDataSets
{
    public static IEnumerable<(string Name, string Language, IReadOnlyList<LabelledText> Rows)> Load(string folder)
    {
        yield return ("US airline tweets (Figure Eight)", "en", Csv(Path.Combine(folder, "us_airline_tweets_en.csv"), "airline_sentiment", "text", "tweet_created"));
        yield return ("UMSAB English (SemEval-2017), train+val", "en", Umsab(Path.Combine(folder, "umsab_xlmt", "english")));
        yield return ("UCI Amazon cell-phone reviews", "en", File.ReadLines(Path.Combine(folder, "uci_amazon_cells_labelled_en.txt"))
            .Select(l => l.Split('\t')).Where(p => p.Length == 2).Select(p => new LabelledText(p[0], p[1].Trim() == "0")).ToList());
        yield return ("Spanish airline tweets", "es", Csv(Path.Combine(folder, "spanish_airline_tweets_es.csv"), "airline_sentiment", "text", "tweet_created"));
        yield return ("UMSAB Spanish (InterTASS-2017), train+val", "es", Umsab(Path.Combine(folder, "umsab_xlmt", "spanish")));
        yield return ("GermEval 2017 dev (Deutsche Bahn)", "de", CsvReader.Read(Path.Combine(folder, "germeval2017_de_dev.tsv"), '\t')
            .Where(r => r.Count >= 4 && r[3] is "negative" or "neutral" or "positive").Select(r => new LabelledText(r[1], r[3] == "negative")).ToList());
        yield return ("UMSAB German (SB-10k), train+val", "de", Umsab(Path.Combine(folder, "umsab_xlmt", "german")));
    }

    private static List<LabelledText> Csv(string path, string labelColumn, string textColumn, string dateColumn)
    {
        var rows = CsvReader.Read(path).ToList();
        var label = rows[0].IndexOf(labelColumn);
        var text = rows[0].IndexOf(textColumn);
        var date = rows[0].IndexOf(dateColumn);
        return rows.Skip(1).Where(r => r.Count > Math.Max(Math.Max(label, text), date) && r[label] is "negative" or "neutral" or "positive")
            .Select(r => new LabelledText(r[text], r[label] == "negative", ParseDate(r[date]))).ToList();
    }

    /// <summary>"2015-02-21 12:48:09 -0800" (Figure Eight) or "Mon Dec 18 13:07:04 +0000 2017" (Twitter API v1.1).</summary>
    private static DateTimeOffset? ParseDate(string value)
    {
        var twitter = value.Split(' ');
        var normalised = twitter.Length == 6 ? $"{twitter[5]}-{twitter[1]}-{twitter[2]} {twitter[3]} {twitter[4]}" : value;
        return DateTimeOffset.TryParseExact(normalised.Insert(normalised.Length - 2, ":"), ["yyyy-MM-dd HH:mm:ss zzz", "yyyy-MMM-dd HH:mm:ss zzz"],
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) ? at : null;
    }

    private static List<LabelledText> Umsab(string folder)
    {
        var result = new List<LabelledText>();
        foreach (var split in new[] { "train", "val" })
        {
            var texts = File.ReadAllLines(Path.Combine(folder, $"{split}_text.txt"));
            var labels = File.ReadAllLines(Path.Combine(folder, $"{split}_labels.txt"));
            result.AddRange(texts.Zip(labels, (t, l) => new LabelledText(t, l.Trim() == "0")));
        }

        return result;
    }
}
