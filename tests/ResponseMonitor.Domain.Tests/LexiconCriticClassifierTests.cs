using ResponseMonitor.Domain.Critics;

namespace ResponseMonitor.Domain.Tests;

/// <summary>Sanity cases for the v1 detector. Its measured quality on labelled data belongs to docs/DETECTION.md.</summary>
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
        Assert.Equal(CriticLabel.Unclassified, _classifier.Classify("Bonjour, merci beaucoup").Label);

    [Fact]
    public void Angry_emoji_speak_every_language() => Assert.Equal(CriticLabel.Critical, _classifier.Classify("😡👎").Label);

    [Fact]
    public void It_is_deterministic()
    {
        const string text = "Worst customer service, still waiting!!";
        Assert.Equal(_classifier.Classify(text).Score, _classifier.Classify(text).Score);
    }
}
