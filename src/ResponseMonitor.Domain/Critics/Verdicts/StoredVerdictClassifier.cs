using ResponseMonitor.Domain.Conversations;

namespace ResponseMonitor.Domain.Critics.Verdicts;

/// <summary>
/// The brand's detector over one read of a channel's items: a text whose item carries a current verdict
/// (<see cref="StoredVerdict.IsCurrent"/>: same text, same detector stamp) is not judged again, whichever process
/// judged it; anything else is judged once and remembered, so the caller can keep it with the item
/// (<see cref="ToStore"/>). Texts are the key: the detector's verdict depends only on the text and the hint. Memory
/// is bounded by the items read.
/// </summary>
internal sealed class StoredVerdictClassifier : ICriticClassifier
{
    private readonly ICriticClassifier _critics;
    private readonly string? _languageHint;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, CriticVerdict> _stored = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredVerdict> _judged = new(StringComparer.Ordinal);

    /// <param name="critics">The brand's detector.</param>
    /// <param name="languageHint">The channel's language, which every verdict here is judged with.</param>
    /// <param name="items">The items read, with the verdicts kept with them.</param>
    /// <param name="time">The clock that dates new verdicts.</param>
    public StoredVerdictClassifier(ICriticClassifier critics, string? languageHint, IEnumerable<ContentItem> items, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(critics);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(time);
        (_critics, _languageHint, _time) = (critics, languageHint, time);
        Stamp = StampOf(critics, languageHint);
        foreach (var item in items)
        {
            if (item.Critic is { } kept && kept.IsCurrent(item.Text, Stamp))
            {
                _stored[item.Text] = kept.Verdict;
            }
        }
    }

    /// <summary>What a verdict of <paramref name="critics"/> with <paramref name="languageHint"/> is stamped with.</summary>
    public static string StampOf(ICriticClassifier critics, string? languageHint)
    {
        ArgumentNullException.ThrowIfNull(critics);
        return $"{critics.Version}|{languageHint}";
    }

    /// <summary>The stamp of this detector and hint.</summary>
    public string Stamp { get; }

    /// <summary>Texts answered from a kept verdict.</summary>
    public int Reused { get; private set; }

    /// <summary>Texts judged here, because no current verdict was kept for them.</summary>
    public int Judged => _judged.Count;

    public string Name => _critics.Name;

    public string Version => _critics.Version;

    public CriticVerdict Classify(string text, string? languageHint = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!string.Equals(languageHint, _languageHint, StringComparison.Ordinal))
        {
            // Another hint is another question: nothing kept answers it.
            return _critics.Classify(text, languageHint);
        }

        if (_stored.TryGetValue(text, out var kept))
        {
            Reused++;
            return kept;
        }

        if (_judged.TryGetValue(text, out var judged))
        {
            return judged.Verdict;
        }

        var verdict = _critics.Classify(text, languageHint);
        _judged[text] = new StoredVerdict(verdict, Stamp, StoredVerdict.HashOf(text), _time.GetUtcNow());
        return verdict;
    }

    /// <summary>
    /// Judges, in one batch (a model embeds texts together), those of <paramref name="texts"/> with no verdict yet, so
    /// that later <see cref="Classify"/> calls find them.
    /// </summary>
    public async Task JudgeAsync(IEnumerable<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var missing = texts.Where(t => !_stored.ContainsKey(t) && !_judged.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var verdicts = await _critics.ClassifyAsync(missing, _languageHint, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        for (var i = 0; i < missing.Count; i++)
        {
            _judged[missing[i]] = new StoredVerdict(verdicts[i], Stamp, StoredVerdict.HashOf(missing[i]), now);
        }
    }

    /// <summary>The verdicts judged here for <paramref name="items"/> that do not carry them yet: what to keep.</summary>
    public IReadOnlyList<ItemVerdict> ToStore(IEnumerable<ContentItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return [.. items
            .Where(i => _judged.ContainsKey(i.Text) && !(i.Critic?.IsCurrent(i.Text, Stamp) ?? false))
            .DistinctBy(i => i.Id, StringComparer.Ordinal)
            .Select(i => new ItemVerdict(i.Id, i.ChangedAt, _judged[i.Text]))];
    }

    /// <summary>The item with the verdict it now has (kept before or judged here), so that copies of it carry the verdict too.</summary>
    public ContentItem WithVerdict(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _judged.TryGetValue(item.Text, out var judged) && !(item.Critic?.IsCurrent(item.Text, Stamp) ?? false)
            ? item with { Critic = judged }
            : item;
    }
}
