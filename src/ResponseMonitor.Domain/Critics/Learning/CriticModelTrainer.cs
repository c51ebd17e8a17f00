using ResponseMonitor.Domain.Critics.Models;

namespace ResponseMonitor.Domain.Critics.Learning;

/// <summary>
/// Trains a brand's <see cref="CriticModel"/> from its labelled comments: logistic regression on
/// <see cref="CriticFeatures"/> by AdaGrad, a fixed number of passes in a seeded order, so the same labels give the same
/// model. Five-fold cross-validation judges every comment by a model that did not see it: that chooses the threshold
/// and compares the model with the built-in detector on the same comments. The final model then learns from all of
/// them. Method and figures: docs/DETECTION.md.
/// </summary>
/// <remarks>
/// With the MiniLM encoder, a head over embeddings and the lexicon's signals (<see cref="EmbeddingCriticHead"/>, the
/// shipped English model's recipe) is also tried on the English labels, cross-validated on the same folds, and chosen
/// for English texts when its F1 there beats the linear model's.
/// </remarks>
public sealed class CriticModelTrainer(ICriticClassifier builtIn, MiniLmEncoder? encoder = null)
{
    /// <summary>The language a brand's head over MiniLM embeddings judges: MiniLM reads English.</summary>
    public const string HeadLanguage = "en";

    /// <summary>English labels a head is trained on, the latest ones: each costs an embedding (milliseconds).</summary>
    public const int MaxHeadExamples = 4_000;

    /// <summary>The encoder a brand's head needs, or null when the MiniLM weights are not here.</summary>
    public MiniLmEncoder? Encoder => encoder;

    /// <summary>Fewer labels than this teach a model nothing a brand could trust.</summary>
    public const int MinimumExamples = 200;

    /// <summary>Each label, critical and not, needs at least this many examples.</summary>
    public const int MinimumPerClass = 40;

    // At least 8 passes, and more for small sets, up to 40, so that a few hundred labels get as many updates as a few thousand.
    private const int MinPasses = 8;
    private const int MaxPasses = 40;
    private const int MinUpdates = 10_000;
    private const double LearningRate = 0.1;
    private const double L2 = 1e-6;
    private const int Seed = 20261123;
    private const int Folds = 5;

    /// <summary>Why <paramref name="examples"/> cannot train a model (too few, or too few of one label), or null.</summary>
    public static string? Refusal(IReadOnlyList<LabelledComment> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var critical = examples.Count(e => e.Critical);
        return examples.Count < MinimumExamples || critical < MinimumPerClass || examples.Count - critical < MinimumPerClass
            ? $"Training needs at least {MinimumExamples} labelled comments with at least {MinimumPerClass} of each label; got {examples.Count} ({critical} critical)."
            : null;
    }

    /// <summary>Trains on <paramref name="examples"/>, which must pass <see cref="Refusal"/>.</summary>
    public CriticModel Train(string brand, IReadOnlyList<LabelledComment> examples, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (Refusal(examples) is { } refusal)
        {
            throw new ArgumentException(refusal, nameof(examples));
        }

        var critical = examples.Count(e => e.Critical);

        var verdicts = examples.Select(e => builtIn.Classify(e.Text, e.Language)).ToList();
        var features = examples.Select((e, i) => CriticFeatures.Extract(e.Text, verdicts[i])).ToList();
        var labels = examples.Select(e => e.Critical).ToList();

        // Five folds: each comment is judged by a model that did not see it, so the threshold and the comparison with
        // the built-in detector rest on every label, not on a fifth of them.
        var probabilities = new double[examples.Count];
        for (var fold = 0; fold < Folds; fold++)
        {
            var (foldWeights, foldBias) = Fit(features, labels, [.. Enumerable.Range(0, examples.Count).Where(i => i % Folds != fold)]);
            for (var i = fold; i < examples.Count; i += Folds)
            {
                probabilities[i] = CriticModel.Logistic(foldWeights, foldBias, features[i]);
            }
        }

        var threshold = BestThreshold(labels, [.. probabilities]);
        var predicted = probabilities.Select(p => p >= threshold).ToArray();
        var head = TrainHead(examples, verdicts, predicted, cancellationToken);
        if (head is { Report.Chosen: true })
        {
            // The head's cross-validated verdicts stand for its language's labels in the model's figures.
            foreach (var (row, judgedCritical) in head.Value.Predicted)
            {
                predicted[row] = judgedCritical;
            }
        }

        var model = DetectionQuality.Of(labels.Select((g, i) => (g, predicted[i])));
        var builtInQuality = DetectionQuality.Of(labels.Select((g, i) => (g, verdicts[i].IsCritical)));
        var (weights, bias) = Fit(features, labels, Enumerable.Range(0, examples.Count).ToList());
        var languages = verdicts.GroupBy(v => v.Language).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        var report = new CriticModelReport(brand, now, examples.Count, critical, Folds, threshold, model, builtInQuality,
            Adopted: model.F1 > builtInQuality.F1, languages, head?.Report);
        return new CriticModel(weights, bias, threshold, report, head is { Report.Chosen: true } ? head.Value.Head : null);
    }

    /// <summary>
    /// Tries a head over MiniLM embeddings on the English labels the lexicon reads (no rule decided them), the latest
    /// <see cref="MaxHeadExamples"/>: five folds as for the linear model, the threshold of best cross-validated F1, and
    /// the comparison with the linear model's cross-validated verdicts on the same labels. The head is fitted on all of
    /// them only when chosen. Null when there is no encoder or too few English labels.
    /// </summary>
    private (EmbeddingCriticHead? Head, EmbeddingHeadReport Report, List<(int Row, bool Critical)> Predicted)? TrainHead(
        IReadOnlyList<LabelledComment> examples, List<CriticVerdict> verdicts, bool[] linearPredicted, CancellationToken cancellationToken)
    {
        var rows = Enumerable.Range(0, examples.Count)
            .Where(i => verdicts[i].Language == HeadLanguage && !verdicts[i].Cues.Any(c => c.StartsWith("rule:", StringComparison.Ordinal)))
            .TakeLast(MaxHeadExamples)
            .ToArray();
        if (encoder is null || Refusal([.. rows.Select(i => examples[i])]) is not null)
        {
            return null;
        }

        var embeddings = encoder.Embed([.. rows.Select(i => examples[i].Text)], cancellationToken);
        var features = rows.Select((i, k) => (double[])[.. embeddings[k].Select(v => (double)v), .. LexiconSignals.Of(verdicts[i])]).ToList();
        var labels = rows.Select(i => examples[i].Critical).ToList();
        var probabilities = new double[rows.Length];
        for (var fold = 0; fold < Folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fit = Enumerable.Range(0, rows.Length).Where(k => k % Folds != fold).ToList();
            var (foldWeights, foldBias) = DenseLogisticRegression.Fit([.. fit.Select(k => features[k])], [.. fit.Select(k => labels[k])]);
            for (var k = fold; k < rows.Length; k += Folds)
            {
                probabilities[k] = DenseLogisticRegression.Probability(foldWeights, foldBias, features[k]);
            }
        }

        var (threshold, _) = DenseLogisticRegression.BestThreshold(probabilities, labels);
        var headQuality = DetectionQuality.Of(labels.Select((g, k) => (g, probabilities[k] >= threshold)));
        var linearQuality = DetectionQuality.Of(rows.Select(i => (examples[i].Critical, linearPredicted[i])));
        var report = new EmbeddingHeadReport(HeadLanguage, rows.Length, headQuality, linearQuality, Chosen: headQuality.F1 > linearQuality.F1);
        EmbeddingCriticHead? head = null;
        if (report.Chosen)
        {
            var (weights, bias) = DenseLogisticRegression.Fit(features, labels);
            head = new EmbeddingCriticHead(HeadLanguage, [.. weights.Select(w => Math.Round(w, 6))], Math.Round(bias, 6), threshold, rows.Length, Math.Round(headQuality.F1, 3), ["brand labels"]);
        }

        return (head, report, [.. rows.Select((i, k) => (i, probabilities[k] >= threshold))]);
    }

    private static (float[] Weights, float Bias) Fit(List<SparseVector> features, List<bool> labels, List<int> rows)
    {
        var weights = new float[CriticFeatures.Dimension];
        var squares = new float[CriticFeatures.Dimension];
        double bias = 0, biasSquares = 0;
        var order = rows.ToArray();
        var random = new Random(Seed);
        var passes = Math.Clamp((MinUpdates + order.Length - 1) / Math.Max(1, order.Length), MinPasses, MaxPasses);
        for (var pass = 0; pass < passes; pass++)
        {
            random.Shuffle(order);
            foreach (var row in order)
            {
                var x = features[row];
                var gradient = CriticModel.Logistic(weights, (float)bias, x) - (labels[row] ? 1 : 0);
                for (var k = 0; k < x.Indices.Length; k++)
                {
                    var i = x.Indices[k];
                    var g = (gradient * x.Values[k]) + (L2 * weights[i]);
                    squares[i] += (float)(g * g);
                    weights[i] -= (float)(LearningRate * g / Math.Sqrt(squares[i] + 1e-8));
                }

                biasSquares += gradient * gradient;
                bias -= LearningRate * gradient / Math.Sqrt(biasSquares + 1e-8);
            }
        }

        return (weights, (float)bias);
    }

    /// <summary>
    /// The threshold, in hundredths, with the best cross-validated F1. When several tie (labels a model
    /// separates cleanly tie over a wide range), the middle of the tied ones: the widest margin on either side.
    /// </summary>
    private static double BestThreshold(List<bool> gold, List<double> probabilities)
    {
        var scores = Enumerable.Range(5, 91)
            .Select(t => (Threshold: t / 100.0, F1: DetectionQuality.Of(gold.Select((g, k) => (g, probabilities[k] >= t / 100.0))).F1))
            .ToList();
        var best = scores.Max(s => s.F1);
        var tied = scores.Where(s => s.F1 >= best - 1e-12).Select(s => s.Threshold).ToList();
        return tied[tied.Count / 2];
    }
}
