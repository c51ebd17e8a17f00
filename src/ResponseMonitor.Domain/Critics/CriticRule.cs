namespace ResponseMonitor.Domain.Critics;

/// <summary>
/// A brand's own rule: a word or phrase that forces a verdict ("sold out" is never a complaint for a ticket seller;
/// "#boycottacme" always is). Matched on whole folded words; <see cref="Language"/> limits it to one language.
/// </summary>
public sealed record CriticRule(string Phrase, CriticLabel Verdict, string? Language = null);
