namespace ResponseMonitor.App.Configuration;

/// <summary>One brand rule: <c>Critics:Rules:N:Phrase</c>, <c>Verdict</c> (critical | not-critical), optional <c>Language</c>.</summary>
internal sealed class CriticRuleOptions
{
    public string Phrase { get; set; } = "";

    public string Verdict { get; set; } = "";

    public string? Language { get; set; }
}
