using System.Text.Json;
using ResponseMonitor.Domain.Conversations;

namespace ResponseMonitor.Connectors.GenericFeed;

/// <summary>
/// Reads a generic feed page or push body. All or nothing: one bad item rejects the page, so a page is never half
/// stored and the fault is reported with the item's position and field.
/// </summary>
public static class FeedParser
{
    public const int MaxTextLength = 32_000;

    public static FeedParseResult Parse(ReadOnlySpan<byte> json)
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
        for (var i = 0; i < page.Items.Count; i++)
        {
            var dto = page.Items[i];
            if (dto is null)
            {
                return Fail($"items[{i}] is null.");
            }

            var missing = string.IsNullOrWhiteSpace(dto.Id) ? "id"
                : string.IsNullOrWhiteSpace(dto.AuthorId) ? "authorId"
                : string.IsNullOrWhiteSpace(dto.CreatedAt) ? "createdAt"
                : null;
            if (missing is not null)
            {
                return Fail($"items[{i}] has no '{missing}'.");
            }

            ItemKind kind;
            if (string.IsNullOrEmpty(dto.Kind))
            {
                kind = dto.ParentId is null ? ItemKind.Post : ItemKind.Comment;
            }
            else if (!Enum.TryParse(dto.Kind, ignoreCase: true, out kind) || !Enum.IsDefined(kind))
            {
                return Fail($"items[{i}] has kind '{dto.Kind}'; expected 'post' or 'comment'.");
            }

            if (kind == ItemKind.Comment && string.IsNullOrWhiteSpace(dto.ParentId))
            {
                return Fail($"items[{i}] is a comment without 'parentId'.");
            }

            if (ItemRules.CheckIds(dto.Id!, string.IsNullOrWhiteSpace(dto.ParentId) ? null : dto.ParentId) is { } idError)
            {
                return Fail($"items[{i}]: {idError}.");
            }

            if (ItemRules.ParseInstant(dto.CreatedAt) is not { } createdAt)
            {
                return Fail($"items[{i}] has createdAt '{dto.CreatedAt}'; it must be an ISO 8601 instant with its offset (2025-03-10T12:00:00Z) or Unix seconds.");
            }

            DateTimeOffset? editedAt = null;
            if (!string.IsNullOrWhiteSpace(dto.EditedAt) && (editedAt = ItemRules.ParseInstant(dto.EditedAt)) is null)
            {
                return Fail($"items[{i}] has editedAt '{dto.EditedAt}'; it must be an ISO 8601 instant with its offset or Unix seconds.");
            }

            var text = dto.Text ?? "";
            items.Add(new ContentItem
            {
                Id = dto.Id!,
                ParentId = string.IsNullOrWhiteSpace(dto.ParentId) ? null : dto.ParentId,
                Kind = kind,
                AuthorId = dto.AuthorId!,
                AuthorName = dto.AuthorName,
                CreatedAt = createdAt,
                EditedAt = editedAt,
                Text = text.Length > MaxTextLength ? text[..MaxTextLength] : text,
                Url = dto.Url,
            });
        }

        return new FeedParseResult(items, string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken, null);
    }

    private static FeedParseResult Fail(string error) => new([], null, error);
}
