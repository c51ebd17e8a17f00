using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Critics.Verdicts;

namespace ResponseMonitor.Domain.Tests;

/// <summary>
/// The analysis's view of verdicts kept with items: a current one (same text, same stamp) answers without asking the
/// detector; another text, another detector version or another hint asks; what was judged is handed back to keep,
/// once per item, and never for an item whose kept verdict is current.
/// </summary>
public sealed class StoredVerdictClassifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The word lists, counting what they are asked, with a version the test can change.</summary>
    private sealed class CountingClassifier(string version) : ICriticClassifier
    {
        private readonly LexiconCriticClassifier _lexicon = new();

        public List<string> Asked { get; } = [];

        public string Name => "lexicon";

        public string Version => version;

        public CriticVerdict Classify(string text, string? languageHint = null)
        {
            Asked.Add(text);
            return _lexicon.Classify(text, languageHint);
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static ContentItem Item(string id, string text, StoredVerdict? critic = null) =>
        new() { Id = id, Kind = ItemKind.Comment, AuthorId = "u", CreatedAt = Now.AddHours(-1), Text = text, Critic = critic };

    [Fact]
    public async Task A_kept_verdict_answers_while_text_and_stamp_hold_and_what_is_judged_is_handed_back_once_per_item()
    {
        var time = new FixedTime(Now);
        var v1 = new CountingClassifier("v1");
        var first = new StoredVerdictClassifier(v1, "en", [Item("a", "terrible service, still no refund"), Item("b", "where is the shop?")], time);
        Assert.True(first.Classify("terrible service, still no refund", "en").IsCritical);
        await first.JudgeAsync(["where is the shop?", "terrible service, still no refund"], CancellationToken.None);
        Assert.Equal(["terrible service, still no refund", "where is the shop?"], v1.Asked);
        var kept = first.ToStore([Item("a", "terrible service, still no refund"), Item("b", "where is the shop?"), Item("b", "where is the shop?")]);
        Assert.Equal(["a", "b"], kept.Select(k => k.ItemId));
        Assert.All(kept, k => Assert.Equal(("v1|en", Now), (k.Verdict.Stamp, k.Verdict.JudgedAt)));

        // Another process reads the items with their verdicts: nothing is asked, nothing is to keep.
        var items = kept.Select(k => Item(k.ItemId, k.ItemId == "a" ? "terrible service, still no refund" : "where is the shop?", k.Verdict)).ToList();
        var again = new CountingClassifier("v1");
        var second = new StoredVerdictClassifier(again, "en", items, time);
        Assert.True(second.Classify("terrible service, still no refund", "en").IsCritical);
        await second.JudgeAsync(["where is the shop?"], CancellationToken.None);
        Assert.Empty(again.Asked);
        Assert.Empty(second.ToStore(items));
        Assert.Equal((0, 1), (second.Judged, second.Reused));

        // An edited text, another hint or another version asks the detector.
        var edited = items[1] with { Text = "where is the shop? nobody answers, useless" };
        var third = new StoredVerdictClassifier(again, "en", [items[0], edited], time);
        third.Classify(edited.Text, "en");
        third.Classify(items[0].Text, "de");
        Assert.Equal([edited.Text, items[0].Text], again.Asked);
        Assert.Equal(["b"], third.ToStore([items[0], edited]).Select(k => k.ItemId));
        Assert.Equal(StoredVerdict.HashOf(edited.Text), third.WithVerdict(edited).Critic!.TextHash);

        var upgraded = new CountingClassifier("v2");
        var fourth = new StoredVerdictClassifier(upgraded, "en", items, time);
        fourth.Classify(items[0].Text, "en");
        Assert.Single(upgraded.Asked);
        Assert.Equal("v2|en", Assert.Single(fourth.ToStore(items)).Verdict.Stamp);
    }
}
