using ResponseMonitor.Domain.Critics;

namespace ResponseMonitor.Domain.Tests;

/// <summary>
/// The cue errors of issue 23, one pattern each: a bare negation, domain words read as sentiment, polite and factual
/// complaints without a sentiment word, news reports, and German stems that matched inside other words. The texts are
/// written for these tests, not taken from any evaluation set.
/// </summary>
public sealed class LexiconCueFixTests
{
    private readonly LexiconCriticClassifier _classifier = new();

    [Theory]
    [InlineData("No", "en")]
    [InlineData("Never enough hot wings", "en")]
    [InlineData("Nein", "de")]
    public void A_bare_negation_alone_is_not_critical(string text, string language)
    {
        var verdict = _classifier.Classify(text, language);
        Assert.Equal(CriticLabel.NotCritical, verdict.Label);
        Assert.DoesNotContain(verdict.Cues, c => c.StartsWith("negation:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_denial_of_something_still_leans_critical() =>
        Assert.Contains("negation:not", _classifier.Classify("The app does not load", "en").Cues);

    [Theory]
    [InlineData("Is the Moto G Play available in blue?", "play")]
    [InlineData("Can I pay with store credit at the outlet?", "credit")]
    [InlineData("Does the fast charger come with the phone?", "fast")]
    public void Domain_words_are_not_sentiment(string text, string word)
    {
        var verdict = _classifier.Classify(text, "en");
        Assert.DoesNotContain(verdict.Cues, c => c.EndsWith(":" + word, StringComparison.Ordinal));
        Assert.Equal(CriticLabel.NotCritical, verdict.Label);
    }

    [Theory]
    [InlineData("I want a refund for this order")]
    [InlineData("Still no update on my refund")]
    [InlineData("My car has been at the dealership 42 days")]
    [InlineData("Dear team, any chance someone can look at my ticket? It has been open for 3 weeks")]
    public void Plain_and_polite_complaints_are_critical(string text)
    {
        var verdict = _classifier.Classify(text, "en");
        Assert.Equal(CriticLabel.Critical, verdict.Label);
        Assert.DoesNotContain(verdict.Cues, c => c is "positive:dear" or "positive:please" or "positive:want");
    }

    [Fact]
    public void A_waiting_time_is_a_cue_in_each_language()
    {
        Assert.Contains("duration:42 days", _classifier.Classify("At the dealership 42 days now", "en").Cues);
        Assert.Contains("duration:3 semanas", _classifier.Classify("Llevo 3 semanas con el pedido", "es").Cues);
        Assert.Contains("duration:5 tagen", _classifier.Classify("Seit 5 Tagen warte ich auf das Paket", "de").Cues);
    }

    [Theory]
    [InlineData("Police Say Killer Arrested After Downtown Chase")]
    [InlineData("Storm Damage Closes Two Highways Near The Coast")]
    public void News_reports_are_not_critics(string text)
    {
        var verdict = _classifier.Classify(text, "en");
        Assert.Equal(CriticLabel.NotCritical, verdict.Label);
    }

    [Fact]
    public void A_customer_who_reports_in_the_first_person_is_still_heard() =>
        Assert.Equal(CriticLabel.Critical, _classifier.Classify("My Flight Was Cancelled And Nobody Answers The Phone", "en").Label);

    [Fact]
    public void German_bestellung_is_not_the_word_beste()
    {
        var verdict = _classifier.Classify("Meine Bestellung ist noch nicht da", "de");
        Assert.DoesNotContain(verdict.Cues, c => c.Contains("beste", StringComparison.Ordinal));
        Assert.Equal(CriticLabel.Critical, verdict.Label);
        Assert.Contains("positive:beste", _classifier.Classify("Das ist die beste Bahn", "de").Cues);
    }

    [Theory]
    [InlineData("Hab echt keinen Bock mehr auf das Ding")]
    [InlineData("Ob das wohl nochmal was wird")]
    public void Short_German_texts_without_a_hint_are_read_as_German(string text) =>
        Assert.Equal("de", _classifier.Classify(text).Language);
}
