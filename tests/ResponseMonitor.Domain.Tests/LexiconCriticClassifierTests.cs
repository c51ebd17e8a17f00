using ResponseMonitor.Domain.Critics;

namespace ResponseMonitor.Domain.Tests;

/// <summary>The detector's rules on hand-written cases. Its measured quality on labelled data belongs to docs/DETECTION.md.</summary>
public sealed class LexiconCriticClassifierTests
{
    private readonly LexiconCriticClassifier _classifier = new();

    [Theory]
    [InlineData("Still waiting for my refund after three weeks. No answer from customer service!", "en")]
    [InlineData("My order arrived broken. I want a refund.", "en")]
    [InlineData("I'm not happy with this at all", "en")]
    [InlineData("Llevo dos semanas esperando el reembolso y nadie responde. Una vergüenza.", "es")]
    [InlineData("La aplicación no funciona desde ayer, pésimo servicio", "es")]
    [InlineData("Meine Bestellung ist nicht angekommen und der Kundenservice antwortet nicht.", "de")]
    [InlineData("Das Produkt ist wirklich nicht gut", "de")]
    public void Complaints_are_critical(string text, string language)
    {
        var verdict = _classifier.Classify(text);
        Assert.Equal(language, verdict.Language);
        Assert.Equal(CriticLabel.Critical, verdict.Label);
        Assert.NotEmpty(verdict.Cues);
    }

    [Theory]
    [InlineData("Thanks for the quick delivery, great boots!", "en")]
    [InlineData("What sizes do the trail shoes come in?", "en")]
    [InlineData("Not bad at all, thank you", "en")]
    [InlineData("Gracias por la ayuda, todo perfecto", "es")]
    [InlineData("Wann öffnet der Laden am Samstag?", "de")]
    public void Questions_and_praise_are_not_critical(string text, string language)
    {
        var verdict = _classifier.Classify(text);
        Assert.Equal(language, verdict.Language);
        Assert.Equal(CriticLabel.NotCritical, verdict.Label);
    }

    [Fact]
    public void A_language_it_does_not_know_is_unclassified() =>
        Assert.Equal(CriticLabel.Unclassified, _classifier.Classify("Kiitos paljon, hyvää päivää").Label);

    [Theory]
    [InlineData("Toujours pas de réponse, c'est honteux", "fr", CriticLabel.Critical)]
    [InlineData("Merci beaucoup, parfait", "fr", CriticLabel.NotCritical)]
    [InlineData("Ainda não recebi o reembolso, que vergonha", "pt", CriticLabel.Critical)]
    [InlineData("Nessuna risposta, servizio pessimo", "it", CriticLabel.Critical)]
    public void French_Portuguese_and_Italian_are_read_too(string text, string language, CriticLabel label)
    {
        var verdict = _classifier.Classify(text);
        Assert.Equal((language, label), (verdict.Language, verdict.Label));
    }

    [Fact]
    public void Negation_flips_sentiment_but_not_a_complaint()
    {
        var good = _classifier.Classify("The staff were good");
        var notGood = _classifier.Classify("The staff were not good");
        Assert.Equal(CriticLabel.NotCritical, good.Label);
        Assert.Equal(CriticLabel.Critical, notGood.Label);
        Assert.Contains("negated:good", notGood.Cues);

        // "no refund" is still about a refund.
        Assert.Contains("complaint:refund*", _classifier.Classify("Still no refund for my order").Cues);
    }

    [Fact]
    public void Intensifiers_weigh_more_and_a_contrast_shifts_weight_to_what_follows()
    {
        var plain = _classifier.Classify("The app is slow");
        var intense = _classifier.Classify("The app is extremely slow");
        Assert.True(intense.Score > plain.Score, $"{intense.Score} > {plain.Score}");

        var praiseThenComplaint = _classifier.Classify("Friendly crew, but the flight was delayed");
        Assert.Equal(CriticLabel.Critical, praiseThenComplaint.Label);
    }

    [Theory]
    [InlineData("Thanks for nothing")]
    [InlineData("Great, another delay. Thanks a lot #sarcasm")]
    [InlineData("Gracias por nada")]
    [InlineData("Danke für nichts")]
    public void Sarcasm_markers_are_critical(string text) => Assert.Equal(CriticLabel.Critical, _classifier.Classify(text).Label);

    [Fact]
    public void German_compounds_are_found_inside_words()
    {
        var verdict = _classifier.Classify("Heute wieder Totalausfall auf der Strecke");
        Assert.Equal(CriticLabel.Critical, verdict.Label);
        Assert.Contains("complaint:~ausfall", verdict.Cues);
    }

    [Fact]
    public void A_language_hint_rescues_a_text_with_no_telling_words()
    {
        Assert.Equal("und", _classifier.Classify("Pésimo.").Language);
        var hinted = _classifier.Classify("Pésimo.", "es");
        Assert.Equal(("es", CriticLabel.Critical), (hinted.Language, hinted.Label));

        // Clear evidence of another language still wins over the hint.
        Assert.Equal("en", _classifier.Classify("Where is my bag? Still waiting", "de").Language);
    }

    [Fact]
    public void Brand_rules_force_the_verdict_and_can_be_limited_to_a_language()
    {
        var classifier = new LexiconCriticClassifier(BuiltInLexicons.All, [new CriticRule("sold out", CriticLabel.NotCritical), new CriticRule("agotado", CriticLabel.Critical, "es")]);
        var soldOut = classifier.Classify("Terrible news, the show is sold out");
        Assert.Equal((CriticLabel.NotCritical, "rule:sold out"), (soldOut.Label, soldOut.Cues.Single()));
        Assert.Equal(CriticLabel.Critical, classifier.Classify("Las entradas están agotadas, agotado todo").Label);
        Assert.Equal(CriticLabel.NotCritical, new LexiconCriticClassifier(BuiltInLexicons.All, [new CriticRule("agotado", CriticLabel.Critical, "de")]).Classify("Gracias, todo agotado y perfecto").Label);
    }

    [Fact]
    public void The_shipped_lexicons_parse_and_cover_six_languages() =>
        Assert.Equal(["en", "es", "de", "fr", "pt", "it"], BuiltInLexicons.All.Select(l => l.Language));

    [Fact]
    public void A_lexicon_file_with_an_unknown_section_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => LexiconParser.Parse("[language] xx\n[colours]\nred"));
        Assert.Contains("unknown section [colours]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Angry_emoji_speak_every_language() => Assert.Equal(CriticLabel.Critical, _classifier.Classify("😡👎").Label);

    [Fact]
    public void It_is_deterministic()
    {
        const string text = "Worst customer service, still waiting!!";
        Assert.Equal(_classifier.Classify(text).Score, _classifier.Classify(text).Score);
    }
}
