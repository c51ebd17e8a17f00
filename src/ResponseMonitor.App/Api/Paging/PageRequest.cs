namespace ResponseMonitor.App.Api.Paging;

/// <summary>
/// What a paged route was asked for: at most <see cref="Limit"/> rows after the row <see cref="After"/> names (null: from
/// the first). Every list route that grows with channels or history takes <c>limit</c> and <c>after</c> and answers
/// <c>nextAfter</c> (<see cref="Page{T}"/>), as README.md's "Paging" says.
/// </summary>
/// <param name="Scope">The route (and order) its tokens belong to.</param>
/// <param name="Limit">Rows on this page.</param>
/// <param name="After">The last row's key of the page before, decoded from <c>after</c>.</param>
internal sealed record PageRequest(string Scope, int Limit, IReadOnlyList<string>? After)
{
    /// <summary>The most rows a page holds, on every paged route but warnings (5,000, as before paging).</summary>
    public const int MaxLimit = 1000;

    /// <summary>Rows when <c>limit</c> is not given, on routes whose answer was not a full list before paging.</summary>
    public const int DefaultLimit = 100;

    /// <summary>
    /// Reads <c>limit</c> and <c>after</c>; a wrong one is recorded in <paramref name="query"/>'s error, naming which.
    /// </summary>
    /// <param name="query">The request's query.</param>
    /// <param name="scope">The route (and order): a token from another route or order is refused.</param>
    /// <param name="keyParts">How many parts the route's row key has.</param>
    /// <param name="defaultLimit">Rows when <c>limit</c> is not given.</param>
    /// <param name="maxLimit">The most rows a page may hold.</param>
    public static PageRequest Read(ApiQuery query, string scope, int keyParts, int defaultLimit = DefaultLimit, int maxLimit = MaxLimit)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = query.Int("limit", defaultLimit, 1, maxLimit);
        string[]? after = null;
        if (query.String("after") is { } token)
        {
            after = PageToken.Decode(scope, token, keyParts);
            if (after is null)
            {
                query.Fail("Query 'after' must be the 'nextAfter' of this route's previous page, unchanged (with the same order).");
            }
        }

        return new PageRequest(scope, limit, after);
    }

    /// <summary>
    /// This page of <paramref name="rows"/>: the <see cref="Limit"/> rows with the smallest keys after <see cref="After"/>,
    /// in key order (ordinal, part by part). Keys must be unique and say the order: an instant as fixed-width ticks,
    /// inverted for newest first (<see cref="Newest"/>). Memory holds one page, whatever the number of rows.
    /// </summary>
    public Page<T> Take<T>(IEnumerable<T> rows, Func<T, IReadOnlyList<string>> keyOf)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(keyOf);
        var kept = Kept<T>();
        foreach (var row in rows)
        {
            Keep(kept, row, keyOf(row));
        }

        return PageOf(kept);
    }

    /// <summary>
    /// <see cref="Take{T}"/> of rows keyed by their position and id (<c>[Position(i), id]</c>), found by index instead of
    /// by a scan of every row: a page costs the same whatever the number of rows before it.
    /// </summary>
    public Page<T> TakePositions<T>(IReadOnlyList<T> rows, Func<T, string> idOf)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(idOf);
        var start = 0;
        if (After is not null)
        {
            if (After is not [var position, var id] || position.Length != 10
                || !int.TryParse(position, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var at))
            {
                // Not a key this route wrote: the scan orders it as any other key.
                var scanned = Take(rows.Select((row, i) => (Row: row, Index: i)), r => [Position(r.Index), idOf(r.Row)]);
                return new Page<T>([.. scanned.Items.Select(r => r.Row)], scanned.NextAfter);
            }

            // The row at the token's position comes next only if its id sorts after the token's (the list changed).
            start = at < rows.Count && string.CompareOrdinal(idOf(rows[at]), id) > 0 ? at : at + 1;
        }

        var end = (int)Math.Min((long)start + Limit, rows.Count);
        var items = new List<T>(Math.Max(0, end - start));
        for (var i = start; i < end; i++)
        {
            items.Add(rows[i]);
        }

        return new Page<T>(items, end < rows.Count ? PageToken.Encode(Scope, [Position(end - 1), idOf(rows[end - 1])]) : null);
    }

    /// <summary>
    /// <see cref="Take{T}"/> over rows a store streams a storage page at a time, so that a request holds this page and
    /// one storage page, never the table.
    /// </summary>
    public async Task<Page<T>> TakeAsync<T>(IAsyncEnumerable<T> rows, Func<T, IReadOnlyList<string>> keyOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(keyOf);
        var kept = Kept<T>();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            Keep(kept, row, keyOf(row));
        }

        return PageOf(kept);
    }

    /// <summary>The largest kept key on top, so that a smaller one replaces it: a page plus one, to know whether more follow.</summary>
    private PriorityQueue<(T Row, IReadOnlyList<string> Key), IReadOnlyList<string>> Kept<T>() =>
        new(Limit + 2, Comparer<IReadOnlyList<string>>.Create((a, b) => KeyComparer.Compare(b, a)));

    private void Keep<T>(PriorityQueue<(T Row, IReadOnlyList<string> Key), IReadOnlyList<string>> kept, T row, IReadOnlyList<string> key)
    {
        if (After is not null && KeyComparer.Compare(key, After) <= 0)
        {
            return;
        }

        if (kept.Count <= Limit)
        {
            kept.Enqueue((row, key), key);
        }
        else if (KeyComparer.Compare(key, kept.Peek().Key) < 0)
        {
            kept.DequeueEnqueue((row, key), key);
        }
    }

    private Page<T> PageOf<T>(PriorityQueue<(T Row, IReadOnlyList<string> Key), IReadOnlyList<string>> kept)
    {
        var ordered = new List<(T Row, IReadOnlyList<string> Key)>(kept.Count);
        while (kept.TryDequeue(out var entry, out _))
        {
            ordered.Add(entry);
        }

        ordered.Reverse();
        var more = ordered.Count > Limit;
        var page = ordered.Take(Limit).ToList();
        return new Page<T>([.. page.Select(p => p.Row)], more ? PageToken.Encode(Scope, page[^1].Key) : null);
    }

    /// <summary>
    /// The instant in the first part of <see cref="After"/> on a newest-first route, widened by a second: the next page
    /// holds nothing newer, so a store can skip it; the key does the exact cut. Null without <c>after</c>, or, with the
    /// error recorded, when the part is not an instant.
    /// </summary>
    public DateTimeOffset? NewestBound(ApiQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (After is not [var first, ..])
        {
            return null;
        }

        if (long.TryParse(first, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var inverted)
            && inverted >= 0 && inverted <= DateTimeOffset.MaxValue.UtcTicks - ApiQuery.EarliestInstant.UtcTicks)
        {
            var at = new DateTimeOffset(DateTimeOffset.MaxValue.UtcTicks - inverted, TimeSpan.Zero);
            return at < ApiQuery.LatestInstant ? at.AddSeconds(1) : at;
        }

        query.Fail("Query 'after' must be the 'nextAfter' of this route's previous page, unchanged (with the same order).");
        return null;
    }

    /// <summary>An instant as a key part that sorts oldest first.</summary>
    public static string Oldest(DateTimeOffset at) => at.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An instant as a key part that sorts newest first.</summary>
    public static string Newest(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A position (configuration order) as a key part.</summary>
    public static string Position(int index) => index.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    private static class KeyComparer
    {
        public static int Compare(IReadOnlyList<string> a, IReadOnlyList<string> b)
        {
            for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
            {
                var c = string.CompareOrdinal(a[i], b[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return a.Count.CompareTo(b.Count);
        }
    }
}
