using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Critics.Learning;
using ResponseMonitor.Domain.Critics.Models;

namespace ResponseMonitor.Domain.Tests;

/// <summary>
/// The pieces of the shipped English model's recipe (bench train-critics, docs/DETECTION.md "Rebuild"): GoEmotions read
/// as critical or not, and the head trainer's sample weights and calibration pool.
/// </summary>
public sealed class CriticRecipeTests
{
    /// <summary>
    /// Rows in GoEmotions' own format (google-research/google-research goemotions/data/train.tsv: text, comma-separated
    /// label ids of goemotions/data/emotions.txt, comment id); the first three are the first rows of its dev.tsv.
    /// </summary>
    private const string Rows = """
        Is this in New Orleans?? I really feel like this is New Orleans.	27	edgurhb
        You know the answer man, you are programmed to capture those codes they send you, don’t avoid them!	4,27	ee84bjg
        I've never been this sad in my life!	25	edcu99z
        Pretty fuking sure exit scam..	3,4	ef9wfsk
        Good. We don't want more thrash liberal offspring in this world.	10	ee0fxpu
        You're really stupid if you believe that.	3,27	ed9udb9
        That's pretty gross. Unlucky OP.	0,9	edhp3rq
        a row without labels
        bad ids	x,99	eeeeeee
        """;

    [Fact]
    public void GoEmotions_critical_emotions_are_critics_and_mixed_or_blameless_sadness_is_left_out()
    {
        using var reader = new StringReader(Rows);
        var rows = GoEmotionsLabels.Read(reader).ToList();

        Assert.Equal(
        [
            ("Is this in New Orleans?? I really feel like this is New Orleans.", false), // neutral
            ("You know the answer man, you are programmed to capture those codes they send you, don’t avoid them!", false), // approval, neutral
            ("Good. We don't want more thrash liberal offspring in this world.", true), // disapproval
            ("You're really stupid if you believe that.", true), // annoyance, neutral
        ], rows.Select(r => (r.Text, r.Critical)));
        Assert.All(rows, r => Assert.Equal("en", r.Language));
        // Left out: sadness alone (25), annoyance with approval (3,4), admiration with disappointment (0,9), bad rows.
        Assert.Equal(28, GoEmotionsLabels.Names.Length);
        Assert.Null(GoEmotionsLabels.IsCritical(["sadness"]));
        Assert.Null(GoEmotionsLabels.IsCritical(["anger", "gratitude"]));
        Assert.True(GoEmotionsLabels.IsCritical(["disgust", "fear"]));
        Assert.False(GoEmotionsLabels.IsCritical(["curiosity", "confusion"]));
    }

    [Fact]
    public void Unit_sample_weights_fit_the_same_head_and_zero_weights_drop_their_rows()
    {
        var random = new Random(11);
        var features = Enumerable.Range(0, 200).Select(i => new[] { (i % 2 == 0 ? 1.0 : -1.0) + random.NextDouble() - 0.5, random.NextDouble() }).ToList();
        var labels = features.Select(f => f[0] > 0).ToList();

        var plain = DenseLogisticRegression.Fit(features, labels);
        var unit = DenseLogisticRegression.Fit(features, labels, sampleWeights: [.. Enumerable.Repeat(1.0, 200)]);
        Assert.Equal(plain.Weights, unit.Weights);
        Assert.Equal(plain.Bias, unit.Bias);

        // 100 contradicting rows with weight 0 change nothing: the fit equals the one without them.
        var noisy = features.Concat(features.Take(100)).ToList();
        var flipped = labels.Concat(labels.Take(100).Select(l => !l)).ToList();
        var weighted = DenseLogisticRegression.Fit(noisy, flipped, sampleWeights: [.. Enumerable.Repeat(1.0, 200), .. Enumerable.Repeat(0.0, 100)]);
        for (var d = 0; d < 2; d++)
        {
            Assert.Equal(plain.Weights[d], weighted.Weights[d], 9);
        }

        Assert.Equal(plain.Bias, weighted.Bias, 9);
    }

    [Fact]
    public void The_threshold_is_chosen_on_the_calibration_pool_only()
    {
        // 300 bulk rows whose embedding says nothing, 300 pool rows where dimension 0 tells the classes apart. Held out
        // from the pool only, the calibration F1 reflects the pool; drawn from everything, it would be dragged down.
        var random = new Random(5);
        var examples = Enumerable.Range(0, 600).Select(i => new LabelledComment($"text {i}", i % 2 == 0, "en")).ToList();
        var embeddings = examples.Select((e, i) => Enumerable.Range(0, MiniLmEncoder.Dimensions)
            .Select(d => d == 0 && i >= 300 ? (e.Critical ? 0.5f : -0.5f) + (((float)random.NextDouble() - 0.5f) * 0.2f) : (float)random.NextDouble() * 0.1f).ToArray()).ToList();
        var pool = examples.Select((_, i) => i >= 300).ToList();
        var lexicon = new LexiconCriticClassifier();

        var pooled = EmbeddingHeadTrainer.Train("en", examples, embeddings, lexicon, ["made up"], calibrationPool: pool);
        var everywhere = EmbeddingHeadTrainer.Train("en", examples, embeddings, lexicon, ["made up"]);

        Assert.True(pooled.CalibrationF1 > 0.95, $"F1 on the pool's held-out fifth {pooled.CalibrationF1}");
        Assert.True(everywhere.CalibrationF1 < pooled.CalibrationF1 - 0.1, $"F1 on a fifth of everything {everywhere.CalibrationF1}");
        Assert.Equal(pooled.Weights, EmbeddingHeadTrainer.Train("en", examples, embeddings, lexicon, ["made up"], calibrationPool: pool).Weights);
    }
}
