using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Critics.Learning;

namespace ResponseMonitor.Domain.Tests;

/// <summary>
/// A brand's own critic model: it learns the brand's jargon that no word list has, is no better than what it was shown
/// (not adopted when it cannot beat the built-in detector), is the same model for the same labels, survives a round
/// trip through bytes, and leaves the brand's rules and unknown languages alone.
/// </summary>
public sealed class CriticLearningTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly LexiconCriticClassifier BuiltIn = new();

    private static readonly string[] Openers = ["", "tonight", "since the patch", "all weekend", "again", "on launch day"];
    private static readonly string[] Places = ["in ranked", "on the EU servers", "in the lobby", "on console", "in duos", "in the new map"];
    private static readonly string[] Complaints = ["rubberbanding", "desync", "rubberbanding and desync"];
    private static readonly string[] Chatter = ["new skins", "the tournament", "my squad", "the season pass"];

    /// <summary>
    /// A gaming brand's public: "rubberbanding" and "desync" are its complaints, and no lexicon knows them; "again"
    /// (which the lexicon reads as mildly negative) turns up on both sides.
    /// </summary>
    private static List<LabelledComment> GamingBrandLabels(int count)
    {
        var examples = new List<LabelledComment>();
        for (var i = 0; i < count; i++)
        {
            var critical = i % 3 == 0;
            var subject = critical ? Complaints[i / 18 % Complaints.Length] : Chatter[i % Chatter.Length];
            var text = $"{subject} {Places[(i / 3) % Places.Length]} {Openers[(i / 7) % Openers.Length]} #{i % 11}".Trim();
            examples.Add(new LabelledComment(text, critical, "en"));
        }

        return examples;
    }

    [Fact]
    public void A_model_learns_complaints_no_word_list_knows_and_is_adopted_because_it_beats_the_built_in_detector()
    {
        Assert.False(BuiltIn.Classify("Desync on the EU servers", "en").IsCritical);

        var model = new CriticModelTrainer(BuiltIn).Train("acme", GamingBrandLabels(300), Now);

        Assert.True(model.Report.Adopted);
        Assert.True(model.Report.Model.F1 > 0.95, $"held-out F1 {model.Report.Model.F1}");
        Assert.True(model.Report.BuiltIn.F1 < 0.5, $"built-in F1 {model.Report.BuiltIn.F1}");
        Assert.Equal((300, 100, 5), (model.Report.Examples, model.Report.CriticalExamples, model.Report.CrossValidationFolds));
        Assert.Equal(new Dictionary<string, int> { ["en"] = 300 }, model.Report.Languages);

        var learned = new LearnedCriticClassifier(BuiltIn, model);
        var complaint = learned.Classify("desync in squads tonight", "en");
        Assert.Equal((CriticLabel.Critical, "en"), (complaint.Label, complaint.Language));
        Assert.Contains("model:acme", complaint.Cues);
        Assert.Equal(CriticLabel.NotCritical, learned.Classify("the tournament in squads tonight", "en").Label);
    }

    [Fact]
    public void A_model_no_better_than_the_built_in_detector_is_not_adopted()
    {
        // Labels the lexicon already gets right: the model can at best tie, and a tie keeps the built-in detector.
        var examples = Enumerable.Range(0, 240)
            .Select(i => i % 2 == 0
                ? new LabelledComment($"Worst service ever, still waiting for my refund #{i}", true)
                : new LabelledComment($"Thank you so much, great help #{i}", false))
            .ToList();

        var model = new CriticModelTrainer(BuiltIn).Train("acme", examples, Now);

        Assert.Equal(1.0, model.Report.BuiltIn.F1);
        Assert.False(model.Report.Adopted);
    }

    [Fact]
    public void The_same_labels_train_the_same_model_byte_for_byte_and_the_bytes_read_back_to_the_same_verdicts()
    {
        var trainer = new CriticModelTrainer(BuiltIn);
        var first = trainer.Train("acme", GamingBrandLabels(300), Now);
        var second = trainer.Train("acme", GamingBrandLabels(300), Now);
        Assert.Equal(first.ToBytes(), second.ToBytes());

        var read = CriticModel.FromBytes(first.ToBytes());
        Assert.Equal(first.Report with { Languages = read.Report.Languages }, read.Report);
        Assert.Equal(first.Report.Languages, read.Report.Languages);
        Assert.Equal(first.Threshold, read.Threshold);
        foreach (var text in new[] { "desync in ranked", "new skins on console", "Worst support ever" })
        {
            var verdict = BuiltIn.Classify(text, "en");
            Assert.Equal(first.Probability(CriticFeatures.Extract(text, verdict)), read.Probability(CriticFeatures.Extract(text, verdict)));
        }
    }

    [Fact]
    public void Bytes_that_are_not_a_model_are_refused_with_the_reason()
    {
        var bytes = new CriticModelTrainer(BuiltIn).Train("acme", GamingBrandLabels(300), Now).ToBytes();

        Assert.Contains("Not a critic model", Assert.Throws<FormatException>(() => CriticModel.FromBytes("hello world, not a model"u8.ToArray())).Message, StringComparison.Ordinal);
        Assert.Contains("truncated", Assert.Throws<FormatException>(() => CriticModel.FromBytes(bytes.AsSpan(0, bytes.Length - 3))).Message, StringComparison.Ordinal);
        var otherVersion = bytes.ToArray();
        otherVersion[4] = 9;
        Assert.Contains("version 9", Assert.Throws<FormatException>(() => CriticModel.FromBytes(otherVersion)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(199, 66, "at least 200 labelled comments")]
    [InlineData(300, 39, "at least 40 of each label; got 300 (39 critical)")]
    [InlineData(300, 261, "at least 40 of each label; got 300 (261 critical)")]
    public void Too_few_labels_or_too_few_of_one_label_train_nothing(int count, int critical, string expected)
    {
        var examples = Enumerable.Range(0, count).Select(i => new LabelledComment($"comment {i}", i < critical)).ToList();

        Assert.Contains(expected, CriticModelTrainer.Refusal(examples), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new CriticModelTrainer(BuiltIn).Train("acme", examples, Now));
    }

    [Fact]
    public void The_brand_rules_still_decide_and_a_language_nobody_reads_stays_unclassified()
    {
        var withRule = new LexiconCriticClassifier(BuiltInLexicons.All, [new CriticRule("desync", CriticLabel.NotCritical)]);
        var model = new CriticModelTrainer(BuiltIn).Train("acme", GamingBrandLabels(300), Now);
        var learned = new LearnedCriticClassifier(withRule, model);

        var ruled = learned.Classify("desync in ranked tonight", "en");
        Assert.Equal(CriticLabel.NotCritical, ruled.Label);
        Assert.Equal(["rule:desync"], ruled.Cues);
        Assert.Equal(CriticLabel.Unclassified, learned.Classify("ランクでラグがひどい").Label);
    }

    [Fact]
    public void Precision_recall_and_F1_match_a_hand_computed_confusion_table()
    {
        // 3 true positives, 1 false positive, 2 false negatives, 4 true negatives:
        // precision 3/4 = 0.75, recall 3/5 = 0.6, F1 = 2·0.75·0.6 / 1.35 = 0.6667.
        var pairs = new[] { (true, true), (true, true), (true, true), (false, true), (true, false), (true, false), (false, false), (false, false), (false, false), (false, false) };

        var quality = DetectionQuality.Of(pairs);

        Assert.Equal((3, 1, 2, 4), (quality.TruePositives, quality.FalsePositives, quality.FalseNegatives, quality.TrueNegatives));
        Assert.Equal(0.75, quality.Precision, 10);
        Assert.Equal(0.6, quality.Recall, 10);
        Assert.Equal(2 * 0.75 * 0.6 / 1.35, quality.F1, 10);
        Assert.Equal(0, DetectionQuality.Of([]).F1);
    }

    [Theory]
    [InlineData("text=hi;label=critical;language=es", true, null)]
    [InlineData("text=hi;label=Not_Critical", false, null)]
    [InlineData("text=;label=critical", null, "'text' is missing or empty")]
    [InlineData("label=critical", null, "'text' is missing or empty")]
    [InlineData("text=hi;label=angry", null, "'label' must be 'critical' or 'not_critical', not 'angry'")]
    [InlineData("text=hi;label=critical;language=spanish", null, "'language' must be a two-letter code")]
    public void Labelled_rows_are_read_or_refused_with_the_reason(string row, bool? critical, string? expected)
    {
        var fields = row.Split(';').Select(p => p.Split('=')).ToDictionary(p => p[0], p => (string?)p[1]);

        var comment = LabelledCommentReader.Parse(fields, out var error);

        Assert.Equal(critical, comment?.Critical);
        if (expected is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.StartsWith(expected, error, StringComparison.Ordinal);
        }
    }
}
