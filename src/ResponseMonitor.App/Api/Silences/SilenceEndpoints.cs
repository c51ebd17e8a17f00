using ResponseMonitor.App.Api.Paging;
using ResponseMonitor.App.Functions;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Warnings;
using ResponseMonitor.Domain.Text;

namespace ResponseMonitor.App.Api.Silences;

/// <summary>
/// Silences: created, listed and ended through the API. A silence holds matching notifications back until it ends;
/// warnings keep moving and are kept, and what was held is delivered afterwards.
/// </summary>
internal static class SilenceEndpoints
{
    private static readonly TimeSpan MaxLength = TimeSpan.FromDays(90);

    /// <summary>This feature's routes, served by both hosts.</summary>
    internal static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        ApiRoute.Get(FunctionNames.ListSilences, "silences", ListAsync),
        ApiRoute.Post(FunctionNames.CreateSilence, "silences", CreateAsync),
        ApiRoute.Get(FunctionNames.GetSilence, "silences/{id}", GetAsync),
        ApiRoute.Delete(FunctionNames.ExpireSilence, "silences/{id}", ExpireAsync),
    ];

    /// <summary>Silences newest first, a page at a time (README.md, "Paging"): <c>limit</c> (1–1000, 100), <c>after</c>.</summary>
    private static async Task<Results<Ok<SilenceListResponse>, ProblemHttpResult>> ListAsync(HttpRequest request, ISilenceStore silences, TimeProvider time, CancellationToken cancellationToken)
    {
        var q = new ApiQuery(request.Query);
        q.Only("status", "limit", "after");
        var status = q.String("status") ?? "all";
        if (status is not ("active" or "pending" or "expired" or "all"))
        {
            q.Fail($"Query 'status' must be active, pending, expired or all, not '{ErrorText.Quote(status)}'.");
        }

        var page = PageRequest.Read(q, "silences", 2);
        if (q.Error is not null)
        {
            return Problems.BadRequest(q.Error);
        }

        var now = time.GetUtcNow();
        var shown = await page.TakeAsync(Matching(silences.StreamAsync(cancellationToken), status, now), s => [PageRequest.Newest(s.Silence.CreatedAt), s.Silence.Id], cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new SilenceListResponse([.. shown.Items.Select(s => s.Dto)], shown.NextAfter));
    }

    private static async IAsyncEnumerable<(Silence Silence, SilenceDto Dto)> Matching(IAsyncEnumerable<Silence> silences, string status, DateTimeOffset now)
    {
        await foreach (var silence in silences.ConfigureAwait(false))
        {
            var dto = ApiMapper.Silence(silence, now);
            if (status == "all" || dto.Status == status)
            {
                yield return (silence, dto);
            }
        }
    }

    private static async Task<Results<Ok<SilenceDto>, ProblemHttpResult>> GetAsync(string id, ISilenceStore silences, TimeProvider time, CancellationToken cancellationToken) =>
        await silences.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } silence
            ? TypedResults.Ok(ApiMapper.Silence(silence, time.GetUtcNow()))
            : NotFound(id);

    private static readonly TimeSpan MaxStartAhead = TimeSpan.FromDays(365);

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["$.startsAt"] = "an ISO 8601 instant such as 2026-03-10T12:00:00Z",
        ["$.endsAt"] = "an ISO 8601 instant such as 2026-03-10T16:00:00Z",
        ["$.duration"] = "a duration such as 04:00:00 or 1.00:00:00",
        ["$.brand"] = "a string",
        ["$.channelId"] = "a string",
        ["$.rule"] = "a string naming a rule",
        ["$.subject"] = "a string",
        ["$.maxSeverity"] = "info, warning or critical",
        ["$.createdBy"] = "a string",
        ["$.comment"] = "a string",
    };

    private static async Task<Results<Created<SilenceDto>, ProblemHttpResult>> CreateAsync(HttpRequest request, IChannelCatalog catalog, ISilenceStore silences, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, ApiJsonContext.Default.SilenceRequest, "{\"channelId\": \"…\", \"rule\": \"…\", \"duration\": \"04:00:00\", \"createdBy\": \"…\", \"comment\": \"…\"}", Fields, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var now = time.GetUtcNow();
        var startsAt = body!.StartsAt ?? now;
        WarningSeverity? maxSeverity = null;
        string? error = null;

        // Bounded before any arithmetic: a start within a year and a duration within MaxLength cannot overflow a date.
        if (startsAt > now + MaxStartAhead || startsAt < now - MaxLength)
        {
            return Problems.BadRequest($"startsAt must be within {MaxStartAhead.TotalDays:0} days from now, not {startsAt:O}.");
        }

        if (body.Duration is { } asked && (asked <= TimeSpan.Zero || asked > MaxLength))
        {
            return Problems.BadRequest($"duration must be more than zero and at most {MaxLength.TotalDays} days, not {asked}.");
        }

        // Every field is stored in one table entity: refuse, naming the field, what a property cannot hold.
        foreach (var (field, value, max) in new[] { ("brand", body.Brand, 256), ("channelId", body.ChannelId, 256), ("rule", body.Rule, 64), ("subject", body.Subject, 256), ("createdBy", body.CreatedBy, 256), ("comment", body.Comment, 2_000) })
        {
            if (value?.Length > max)
            {
                return Problems.BadRequest($"'{field}' has {value.Length} characters; at most {max}.");
            }
        }

        var endsAt = body.EndsAt ?? (body.Duration is { } duration ? startsAt + duration : (DateTimeOffset?)null);
        if (!StrictText.HasContent(body.CreatedBy) || !StrictText.HasContent(body.Comment))
        {
            error = "A silence needs createdBy and a comment saying why, so others know whose it is.";
        }
        else if (endsAt is null)
        {
            error = "A silence needs endsAt or duration: silences are time-bounded.";
        }
        else if (endsAt <= startsAt || endsAt <= now)
        {
            error = "endsAt must be after startsAt and in the future.";
        }
        else if (endsAt - startsAt > MaxLength)
        {
            error = $"A silence may last at most {MaxLength.TotalDays} days; create a new one when it ends.";
        }
        else if (body.ChannelId is not null && catalog.Find(body.ChannelId) is null)
        {
            return Problems.UnknownChannel(body.ChannelId);
        }
        else if (body.Brand is not null && catalog.FindBrand(body.Brand) is null)
        {
            error = $"No channel belongs to brand '{body.Brand}'; brands are {string.Join(", ", catalog.All.Select(c => c.Brand).Distinct(StringComparer.OrdinalIgnoreCase))}.";
        }
        else if (body.Rule is not null && !WarningRules.All.Contains(body.Rule))
        {
            error = $"rule must be one of {string.Join(", ", WarningRules.All)}, not '{ErrorText.Quote(body.Rule)}'.";
        }
        else if (body.MaxSeverity is not null)
        {
            if (StrictText.TryParseName<WarningSeverity>(body.MaxSeverity, out var parsed))
            {
                maxSeverity = parsed;
            }
            else
            {
                error = $"maxSeverity must be info, warning or critical, not '{ErrorText.Quote(body.MaxSeverity)}'.";
            }
        }

        if (error is not null)
        {
            return Problems.BadRequest(error);
        }

        var silence = new Silence
        {
            Id = Guid.NewGuid().ToString("N"),
            Brand = body.Brand is null ? null : catalog.FindBrand(body.Brand),
            ChannelId = body.ChannelId is null ? null : catalog.Find(body.ChannelId)!.Id,
            Rule = body.Rule,
            Subject = string.IsNullOrEmpty(body.Subject) ? null : body.Subject,
            MaxSeverity = maxSeverity,
            StartsAt = startsAt,
            EndsAt = endsAt!.Value,
            CreatedBy = body.CreatedBy!.Trim(),
            Comment = body.Comment!.Trim(),
            CreatedAt = now,
        };
        await silences.CreateAsync(silence, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/silences/{silence.Id}", ApiMapper.Silence(silence, now));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ExpireAsync(string id, ISilenceStore silences, IWarningStore warnings, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!await silences.ExpireAsync(id, now, cancellationToken).ConfigureAwait(false))
        {
            return NotFound(id);
        }

        // What it held goes out with the next dispatch rather than at the end it was planned for.
        await warnings.ReleaseHeldAsync("silence:" + id, now, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound("Unknown silence.", $"No silence '{ErrorText.Quote(id)}'.");
}
