namespace ResponseMonitor.App.Api.Metrics;

/// <summary>Against Meta's public "very responsive" badge: <paramref name="Goal"/> (90 %) answered within 15 minutes, judged over 7 days.</summary>
/// <param name="AnsweredWithin15Minutes">Messages answered within 15 minutes.</param>
/// <param name="Share">Their share of the messages that needed an answer; null when none did.</param>
/// <param name="Goal">The badge's share, 0.9.</param>
/// <param name="Meets">Whether the share reaches the goal; null when no message arrived.</param>
internal sealed record VeryResponsiveDto(int AnsweredWithin15Minutes, double? Share, double Goal, bool? Meets);
