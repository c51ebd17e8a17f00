using System.Text.Json;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Text;

namespace ResponseMonitor.Connectors.GenericFeed;

/// <summary>
/// Reads a generic feed page or push body. Each bad item is named with its position and field; the caller decides:
/// a push is refused whole, a poll stores the good items and reports the bad ones (<see cref="FeedParseResult"/>).
/// </summary>
internal static class FeedParser
{
    /// <param name="json">The page or push body.</param>
    /// <param name="now">The instant items are checked against: none may be dated past it by more than the clock-skew allowance.</param>
    public static FeedParseResult Parse(ReadOnlySpan<byte> json, DateTimeOffset now)
    {
        FeedPageDto? page;
        try
        {
            page = JsonSerializer.Deserialize(json, FeedJsonContext.Default.FeedPageDto);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : "";
            return Fail($"The body is not valid feed JSON{where}: {ex.Message.Split('.')[0]}.");
        }

        if (page?.Items is null)
        {
            return Fail("The body has no 'items' array.");
        }

        var items = new List<ContentItem>(page.Items.Count);
        var skipped = new List<string>();
        for (var i = 0; i < page.Items.Count; i++)
        {
            if (Item(page.Items[i], i, now, out var error) is { } item)
            {
                items.Add(item);
            }
            else
            {
                skipped.Add(error!);
            }
        }

        return new FeedParseResult(items, string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken, skipped.Count == 0 ? null : skipped[0]) { Skipped = skipped };
    }

    private static ContentItem? Item(FeedItemDto? dto, int i, DateTimeOffset now, out string? error)
    {
        error = null;
        if (dto is null)
        {
            error = $"items[{i}] is null.";
            return null;
        }

        var missing = string.IsNullOrWhiteSpace(dto.Id) ? "id"
            : string.IsNullOrWhiteSpace(dto.AuthorId) ? "authorId"
            : string.IsNullOrWhiteSpace(dto.CreatedAt) ? "createdAt"
            : null;
        if (missing is not null)
        {
            error = $"items[{i}] has no '{missing}'.";
            return null;
        }

        ItemKind kind;
        if (string.IsNullOrEmpty(dto.Kind))
        {
            kind = dto.ParentId is null ? ItemKind.Post : ItemKind.Comment;
        }
        else if (!StrictText.TryParseName(dto.Kind, out kind))
        {
            error = $"items[{i}] has kind '{ErrorText.Quote(dto.Kind)}'; expected 'post' or 'comment'.";
            return null;
        }

        if (kind == ItemKind.Comment && string.IsNullOrWhiteSpace(dto.ParentId))
        {
            error = $"items[{i}] is a comment without 'parentId'.";
            return null;
        }

        if (ItemRules.CheckIds(dto.Id!, string.IsNullOrWhiteSpace(dto.ParentId) ? null : dto.ParentId, dto.AuthorId) is { } idError)
        {
            error = $"items[{i}]: {idError}.";
            return null;
        }

        if (ItemRules.ParseInstant(dto.CreatedAt) is not { } createdAt)
        {
            error = $"items[{i}] has createdAt '{ErrorText.Quote(dto.CreatedAt)}'; it must be an ISO 8601 instant with its offset (2025-03-10T12:00:00Z) or Unix seconds.";
            return null;
        }

        DateTimeOffset? editedAt = null;
        if (!string.IsNullOrWhiteSpace(dto.EditedAt) && (editedAt = ItemRules.ParseInstant(dto.EditedAt)) is null)
        {
            error = $"items[{i}] has editedAt '{ErrorText.Quote(dto.EditedAt)}'; it must be an ISO 8601 instant with its offset or Unix seconds.";
            return null;
        }

        if (ItemRules.CheckTimes(createdAt, editedAt, now) is { } timeError)
        {
            error = $"items[{i}]: {timeError}.";
            return null;
        }

        var state = ItemState.Visible;
        if (!string.IsNullOrEmpty(dto.State) && (!Enum.TryParse(dto.State, ignoreCase: true, out state) || !Enum.IsDefined(state) || dto.State.Any(char.IsDigit)))
        {
            error = $"items[{i}] has state '{dto.State}'; expected 'visible', 'hidden' or 'deleted'.";
            return null;
        }

        // Cut to what storage holds (and a deleted item's text and author removed) by the ingestion every path goes
        // through (ItemRules.Fit), not here.
        return new ContentItem
        {
            Id = dto.Id!,
            ParentId = string.IsNullOrWhiteSpace(dto.ParentId) ? null : dto.ParentId,
            Kind = kind,
            AuthorId = dto.AuthorId!,
            AuthorName = dto.AuthorName,
            CreatedAt = createdAt,
            EditedAt = editedAt,
            Text = dto.Text ?? "",
            Url = dto.Url,
            State = state,
        };
    }

    private static FeedParseResult Fail(string error) => new([], null, error);
}
