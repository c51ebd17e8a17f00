namespace ResponseMonitor.Domain.Critics;

/// <summary>A shipped model for one language: it turns a text and the lexicon's verdict on it into the final verdict.</summary>
public interface ILanguageCriticModel
{
    /// <summary>ISO 639-1 code of the language it judges.</summary>
    string Language { get; }

    /// <summary>Its part of the detector's <see cref="ICriticClassifier.Version"/>; a model shipped in the Domain assembly is covered by the assembly's build.</summary>
    string Version => Language;

    /// <summary>The verdicts on <paramref name="texts"/>, in order, given the lexicon's verdicts on them.</summary>
    IReadOnlyList<CriticVerdict> Refine(IReadOnlyList<string> texts, IReadOnlyList<CriticVerdict> lexiconVerdicts, CancellationToken cancellationToken);

    /// <summary>Refines one verdict of the word-list detector.</summary>
    CriticVerdict Refine(string text, CriticVerdict lexiconVerdict) => Refine([text], [lexiconVerdict], CancellationToken.None)[0];
}
