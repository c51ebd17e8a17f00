using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.App.Api;

/// <summary>From stored state to the API's shapes.</summary>
internal static class ApiMapper
{
    /// <summary>
    /// How many active warnings a channel summary lists (the most severe); its count and its rules are always complete.
    /// The dashboard is read by every open page every few seconds, so it stays small; /api/warnings pages the rest.
    /// </summary>
    public const int MaxListedWarnings = 5;

    public static ChannelSummaryDto Summary(ChannelDefinition channel, ChannelSnapshot? snapshot, ChannelState? state, IEnumerable<WarningRecord> activeWarnings, DateTimeOffset now)
    {
        var active = activeWarnings.ToList();
        var lastBrand = Latest(snapshot?.LastBrandActivityAt, state?.LastBrandActivityAt);
        return new ChannelSummaryDto(
            channel.Id,
            channel.Name,
            channel.Brand,
            channel.Kind,
            channel.Enabled,
            snapshot?.OpenCount ?? 0,
            snapshot?.CriticalOpenCount ?? 0,
            snapshot?.OldestOpenSince,
            snapshot?.OldestOpenSince is { } oldest ? Seconds(now - oldest) : null,
            snapshot?.OldestOpenSince is { } oldestOpen ? Seconds(channel.BusinessTimeBetween(oldestOpen, now)) : null,
            snapshot?.FirstResponseCount ?? 0,
            snapshot?.MedianFirstResponseSeconds,
            snapshot?.P90FirstResponseSeconds,
            snapshot?.MedianFirstResponseBusinessSeconds,
            snapshot?.P90FirstResponseBusinessSeconds,
            channel.BusinessHours is not null,
            channel.Warnings.ResponseTarget is { } target ? target.TotalSeconds : null,
            snapshot?.ExcludedCount ?? 0,
            snapshot?.AnswerableCount ?? 0,
            snapshot?.AnsweredCount ?? 0,
            snapshot?.ResponseRate,
            lastBrand,
            lastBrand is { } at ? Seconds(now - at) : null,
            lastBrand is { } since ? Seconds(channel.BusinessTimeBetween(since, now)) : null,
            snapshot?.AnalyzedAt,
            snapshot?.WindowStart,
            state?.LastPolledAt,
            state?.LastPollSucceededAt,
            state?.LastPollError,
            state?.PausedUntil,
            PollState(state, now),
            Credential(channel, state, now),
            active.Count,
            active.Select(w => w.Rule).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            active.OrderByDescending(w => w.Severity).ThenByDescending(w => w.UpdatedAt).Take(MaxListedWarnings).Select(Warning).ToList());
    }

    public static UnansweredItemDto Unanswered(ChannelDefinition channel, OpenComment open, DateTimeOffset now) =>
        UnansweredOnly(channel, open, now) is var dto && AnswerDeadline.For(channel, open.Item.CreatedAt, open.Verdict.IsCritical) is { } due
            ? dto with { DueAt = due.At, DueRule = due.Rule, DueInSeconds = Math.Round((due.At - now).TotalSeconds, 3) }
            : dto;

    private static UnansweredItemDto UnansweredOnly(ChannelDefinition channel, OpenComment open, DateTimeOffset now) => new(
        channel.Id,
        open.Item.Id,
        open.Item.ParentId,
        open.Item.ThreadId,
        open.Item.AuthorId,
        open.Item.AuthorName,
        open.Item.CreatedAt,
        Seconds(now - open.Item.CreatedAt),
        Seconds(channel.BusinessTimeBetween(open.Item.CreatedAt, now)),
        open.Item.Text,
        open.Item.Url,
        open.Verdict.IsCritical,
        Label(open.Verdict.Label),
        open.Verdict.Score,
        open.Verdict.Language,
        open.Verdict.Cues)
    {
        CriticDetector = open.Verdict.Detector,
    };

    public static string Label(Domain.Critics.CriticLabel label) => label switch
    {
        Domain.Critics.CriticLabel.Critical => "critical",
        Domain.Critics.CriticLabel.NotCritical => "not-critical",
        _ => "unclassified",
    };

    public static WarningDto Warning(WarningRecord w) => new(
        w.ChannelId, w.Rule, w.Subject, Lower(w.Severity.ToString()), Lower(w.State.ToString()), w.Message, w.ItemUrl, w.Since,
        w.ObservedAt, w.FiredAt, w.ResolvedAt, w.LastNotifiedAt, w.UpdatedAt, w.TimesFired);

    public static WarningHistoryDto History(WarningHistoryEntry h) => new(
        h.ChannelId, h.Rule, h.Subject, h.Event, Lower(h.State.ToString()), Lower(h.Severity.ToString()), h.At, h.Message);

    public static SilenceDto Silence(Domain.Notifications.Silence s, DateTimeOffset now) => new(
        s.Id, s.Brand, s.ChannelId, s.Rule, s.Subject, s.MaxSeverity is { } m ? Lower(m.ToString()) : null, s.StartsAt, s.EndsAt, s.CreatedBy, s.Comment, s.CreatedAt,
        s.IsActiveAt(now) ? "active" : s.StartsAt > now ? "pending" : "expired");

    public static DeliveryDto Delivery(Domain.Notifications.NotificationDelivery d) => new(
        d.Id, d.Warning.ChannelId, d.Sink, d.Event, d.Warning.Rule, d.Warning.Subject, Lower(d.Warning.Severity.ToString()), Lower(d.Status.ToString()),
        d.Attempts, d.NextAttemptAt, d.LastError, d.HeldBy, d.CreatedAt, d.SentAt);

    /// <summary>
    /// What the dashboard says of the channel's polling: <c>credentials-rejected</c> (renew the token), <c>paused</c> (the
    /// platform asked to wait: a rate limit or a quota, with <c>pausedUntil</c>), <c>failing</c>, <c>ok</c>, or <c>never</c>.
    /// </summary>
    private static string PollState(ChannelState? state, DateTimeOffset now) => state switch
    {
        null or { LastPolledAt: null } => "never",
        { CredentialsRejected: true } when state.LastPollError is not null => "credentials-rejected",
        { PausedUntil: { } until } when until > now && state.LastPollError is not null => "paused",
        { LastPollError: not null } => "failing",
        _ => "ok",
    };

    private static CredentialDto Credential(ChannelDefinition channel, ChannelState? state, DateTimeOffset now)
    {
        var lifetime = state?.Credential;
        var status = (state, lifetime) switch
        {
            ({ CredentialsRejected: true, LastPollError: not null }, _) => "rejected",
            (_, { ExpiresAt: { } end }) when end <= now && !lifetime.RenewedByMonitor => "expired",
            (_, { ExpiresAt: { } end, RenewedByMonitor: false }) when end - now <= channel.Warnings.CredentialExpiryWarning => "expiring",
            (_, { ExpiresAt: not null }) => "ok",
            (_, { RenewedByMonitor: true }) => "ok",
            _ => "unknown",
        };
        return new CredentialDto(status, lifetime?.ExpiresAt, lifetime?.ExpiresAt is { } at ? Math.Round((at - now).TotalSeconds, 3) : null, lifetime?.RenewedByMonitor, lifetime?.Source, lifetime?.CheckedAt);
    }

    private static double Seconds(TimeSpan span) => Math.Round(Math.Max(0, span.TotalSeconds), 3);

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static string Lower(string value) => value.ToLowerInvariant();
}
