namespace ResponseMonitor.Domain.Critics.Learning;

/// <summary>Precision, recall and F1 of "critical" with the confusion counts they come from.</summary>
public sealed record DetectionQuality(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    /// <summary>Of the texts called critical, the share that were.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Of the critical texts, the share called critical.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Counts agreements and misses over (gold, predicted) pairs.</summary>
    public static DetectionQuality Of(IEnumerable<(bool Gold, bool Predicted)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (gold, predicted) in pairs)
        {
            switch ((gold, predicted))
            {
                case (true, true): tp++; break;
                case (false, true): fp++; break;
                case (true, false): fn++; break;
                default: tn++; break;
            }
        }

        return new DetectionQuality(tp, fp, fn, tn);
    }
}
