using ResponseMonitor.Domain.Critics.Learning;

namespace ResponseMonitor.Domain.Critics.Models;

/// <summary>
/// Trains an <see cref="EmbeddingCriticHead"/>: a fifth of the labels (of the calibration pool, if one is given), drawn
/// with a fixed seed, is held out to choose the threshold (best F1 of the critical class); the head then learns from
/// every label and keeps that threshold. Sample weights let a bulk set teach without outvoting a small one.
/// The same labels and embeddings give the same head.
/// </summary>
internal static class EmbeddingHeadTrainer
{
    public const int Seed = 20261203;

    public static EmbeddingCriticHead Train(
        string language,
        IReadOnlyList<LabelledComment> examples,
        IReadOnlyList<float[]> embeddings,
        ICriticClassifier lexicon,
        IReadOnlyList<string> trainedOn,
        IReadOnlyList<double>? sampleWeights = null,
        IReadOnlyList<bool>? calibrationPool = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(lexicon);
        if (CriticModelTrainer.Refusal(examples) is { } refusal)
        {
            throw new ArgumentException(refusal, nameof(examples));
        }

        var features = examples.Select((e, i) => (double[])[.. embeddings[i].Select(v => (double)v), .. LexiconSignals.Of(lexicon.Classify(e.Text, language))]).ToList();
        var labels = examples.Select(e => e.Critical).ToList();

        // The fifth that chooses the threshold is drawn from the calibration pool only (every label when none is given):
        // the threshold must suit the texts the model will judge, not a bulk set whose share of critics differs.
        var order = Enumerable.Range(0, examples.Count).Where(i => calibrationPool?[i] ?? true).ToArray();
        new Random(Seed).Shuffle(order);
        var held = order.Take(order.Length / 5).ToHashSet();
        var fit = Enumerable.Range(0, examples.Count).Where(i => !held.Contains(i)).ToList();
        var (partial, partialBias) = DenseLogisticRegression.Fit([.. fit.Select(i => features[i])], [.. fit.Select(i => labels[i])],
            sampleWeights: sampleWeights is null ? null : [.. fit.Select(i => sampleWeights[i])]);
        var (threshold, f1) = DenseLogisticRegression.BestThreshold(
            [.. held.Order().Select(i => DenseLogisticRegression.Probability(partial, partialBias, features[i]))],
            [.. held.Order().Select(i => labels[i])]);

        var (weights, bias) = DenseLogisticRegression.Fit(features, labels, sampleWeights: sampleWeights);
        return new EmbeddingCriticHead(language, [.. weights.Select(w => Math.Round(w, 6))], Math.Round(bias, 6), threshold, examples.Count, Math.Round(f1, 3), trainedOn);
    }
}
