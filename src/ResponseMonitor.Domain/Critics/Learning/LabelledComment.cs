namespace ResponseMonitor.Domain.Critics.Learning;

/// <summary>A comment a community manager has judged: critical or not, with its language when known.</summary>
public sealed record LabelledComment(string Text, bool Critical, string? Language = null);
