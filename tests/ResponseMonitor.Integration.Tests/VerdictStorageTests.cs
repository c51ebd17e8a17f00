using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Conversations;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Critics.Models;
using ResponseMonitor.Domain.Critics.Verdicts;
using ResponseMonitor.Domain.Polling;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// Issue 23: "classify only new or edited comments, and keep each verdict with the item". Against Azurite and the real
/// shipped English model (MiniLM through ONNX Runtime): a comment is embedded once by the first instance that sees it;
/// another instance of the deployment (a new process's model, with nothing remembered) answers from the verdicts kept
/// with the items, for the analysis and for <c>/api/metrics</c>; an edited comment and a new detector (a brand rule) are
/// judged again. The count of texts the model embedded is the observable.
/// </summary>
public sealed class VerdictStorageTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static readonly string[] Ids = ["refund", "manual", "colours", "thanks"];

    private static Dictionary<string, string?> Settings(Uri feed, params (string Key, string Value)[] extra)
    {
        var settings = TestApp.Channel(0, "ch", feed);
        settings["Monitor:Channels:0:Brand"] = "Acme";
        settings["Monitor:Channels:0:Language"] = "en";
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static EmbeddingCriticModel English(TestApp app) =>
        app.Get<BuiltInCriticClassifier>().Models.OfType<EmbeddingCriticModel>().Single();

    private static async Task AnalyseAsync(TestApp app, FakeTimeProvider time)
    {
        time.Advance(TimeSpan.FromMinutes(1));
        await app.Get<ChannelPoller>().PollAllAsync(CancellationToken.None);
        await app.Get<ChannelAnalysisService>().AnalyzeAsync("ch", CancellationToken.None);
    }

    private static async Task<IReadOnlyDictionary<string, ContentItem>> StoredAsync(TestApp app) =>
        await app.Get<IItemStore>().GetAsync("ch", Ids, CancellationToken.None);

    private static async Task<Dictionary<string, string>> LabelsAsync(TestApp app) =>
        (await app.GetJsonAsync("/api/channels/ch"))["unanswered"]!.AsArray()
            .ToDictionary(i => i!["id"]!.GetValue<string>(), i => i!["criticLabel"]!.GetValue<string>() + "/" + i["criticDetector"]!.GetValue<string>());

    [Fact]
    public async Task A_comment_is_judged_once_and_its_kept_verdict_serves_other_instances_until_its_text_or_the_detector_changes()
    {
        Assert.True(MiniLmEncoder.IsAvailable(), $"The MiniLM weights must be beside the tests: {MiniLmEncoder.DefaultPath}");
        var time = new FakeTimeProvider(Now);
        await using var feed = await LoopbackServer.StartAsync();
        var items = new List<JsonObject>
        {
            Feed.Post("p", "brand", Now.AddHours(-3)),
            Feed.Comment("refund", "p", "u1", Now.AddHours(-2), "Still waiting for my refund, three weeks now."),
            Feed.Comment("manual", "p", "u2", Now.AddHours(-2), "Where can I find the manual for the X200?"),
            Feed.Comment("colours", "p", "u3", Now.AddHours(-1), "Love the new colours, well done"),
            Feed.Comment("thanks", "p", "u4", Now.AddHours(-1), "thanks!"),
        };
        feed.Handler = ctx => Feed.Write(ctx, Feed.Page(items));

        await using var first = await TestApp.StartAsync(Settings(feed.Url("/feed")), time);
        await AnalyseAsync(first, time);

        // Four comments, four embeddings: the thank-you too, which the clock asks about (sarcasm is never excluded).
        Assert.Equal(4, English(first).TextsEmbedded);
        var stamp = StoredVerdictClassifier.StampOf(first.Get<BuiltInCriticClassifier>(), "en");
        var kept = await StoredAsync(first);
        Assert.All(Ids, id =>
        {
            var critic = kept[id].Critic;
            Assert.NotNull(critic);
            Assert.Equal((stamp, "model"), (critic.Stamp, critic.Verdict.Detector));
            Assert.True(critic.IsCurrent(kept[id].Text, stamp));
        });
        Assert.True(kept["refund"].Critic!.Verdict.IsCritical);
        var labels = await LabelsAsync(first);
        Assert.Equal("critical/model", labels["refund"]);

        // Another instance: its model remembers nothing, and embeds nothing, for /api/metrics and for the analysis.
        var later = new FakeTimeProvider(time.GetUtcNow());
        await using (var second = await TestApp.StartAsync(Settings(feed.Url("/feed")), later, sharedPrefix: first.Prefix))
        {
            using (var metrics = await second.Client.GetAsync($"/api/metrics?from={Uri.EscapeDataString(Now.AddDays(-1).ToString("O"))}"))
            {
                Assert.True(metrics.IsSuccessStatusCode, await metrics.Content.ReadAsStringAsync());
            }

            await AnalyseAsync(second, later);
            Assert.Equal(0, English(second).TextsEmbedded);
            Assert.Equal(labels, await LabelsAsync(second));
            var reread = await StoredAsync(second);
            Assert.All(Ids, id => Assert.Equal(kept[id].Critic!.JudgedAt, reread[id].Critic!.JudgedAt));

            // An edit is a new version: it alone is judged again, and its verdict replaces the old text's.
            items[2] = Feed.Comment("manual", "p", "u2", Now.AddHours(-2), "Where is the manual? This is useless, nobody answers.");
            items[2]["editedAt"] = later.GetUtcNow().ToString("O");
            await AnalyseAsync(second, later);
            Assert.Equal(1, English(second).TextsEmbedded);
            var edited = await StoredAsync(second);
            Assert.Equal(StoredVerdict.HashOf(edited["manual"].Text), edited["manual"].Critic!.TextHash);
            Assert.True(edited["manual"].Critic!.JudgedAt > kept["manual"].Critic!.JudgedAt);
            Assert.All(Ids.Where(id => id != "manual"), id => Assert.Equal(kept[id].Critic!.JudgedAt, edited[id].Critic!.JudgedAt));
        }

        // A new detector (here a brand rule, as a new model would) has another stamp: every comment is judged again.
        // The rule's comment gets the rule's verdict, without the model.
        var third = new FakeTimeProvider(later.GetUtcNow());
        await using var ruled = await TestApp.StartAsync(
            Settings(feed.Url("/feed"), ("Critics:Rules:0:Phrase", "useless"), ("Critics:Rules:0:Verdict", "not-critical")), third, sharedPrefix: first.Prefix);
        var newStamp = StoredVerdictClassifier.StampOf(ruled.Get<BuiltInCriticClassifier>(), "en");
        Assert.NotEqual(stamp, newStamp);
        await AnalyseAsync(ruled, third);
        Assert.Equal(3, English(ruled).TextsEmbedded);
        var rejudged = await StoredAsync(ruled);
        Assert.All(Ids, id => Assert.Equal(newStamp, rejudged[id].Critic!.Stamp));
        Assert.Equal(CriticLabel.NotCritical, rejudged["manual"].Critic!.Verdict.Label);
        Assert.Contains("rule:useless", rejudged["manual"].Critic!.Verdict.Cues);
        Assert.Equal("not-critical/lexicon", (await LabelsAsync(ruled))["manual"]);

        // Judged once more by the same detector: nothing is embedded or written again.
        await AnalyseAsync(ruled, third);
        Assert.Equal(3, English(ruled).TextsEmbedded);
    }

    [Fact]
    public async Task A_verdict_is_kept_only_with_the_version_it_judged_and_never_brings_back_a_deleted_item()
    {
        var time = new FakeTimeProvider(Now);
        await using var app = await TestApp.StartAsync(Settings(new Uri("http://127.0.0.1:9/feed"), ("Critics:Backend", "lexicon")), time);
        var store = app.Get<IItemStore>();
        var verdicts = app.Get<IItemVerdictStore>();
        var original = new ContentItem { Id = "c", ParentId = "p", Kind = ItemKind.Comment, AuthorId = "u", CreatedAt = Now.AddHours(-1), Text = "terrible service", ThreadId = "p" };
        await store.UpsertAsync("ch", [original], CancellationToken.None);

        StoredVerdict Judged(string text, DateTimeOffset at, string stamp = "s1") =>
            new(new CriticVerdict("en", CriticLabel.Critical, 1.5, ["negative:terrible"]), stamp, StoredVerdict.HashOf(text), at);

        // Kept, then the same verdict again: written once (idempotent).
        Assert.Equal(1, await verdicts.SaveAsync("ch", [new ItemVerdict("c", original.ChangedAt, Judged(original.Text, Now))], CancellationToken.None));
        Assert.Equal(0, await verdicts.SaveAsync("ch", [new ItemVerdict("c", original.ChangedAt, Judged(original.Text, Now))], CancellationToken.None));

        // A verdict judged earlier than the kept one, by another detector, does not replace it.
        Assert.Equal(0, await verdicts.SaveAsync("ch", [new ItemVerdict("c", original.ChangedAt, Judged(original.Text, Now.AddMinutes(-5), "s0"))], CancellationToken.None));
        Assert.Equal("s1", (await store.GetAsync("ch", ["c"], CancellationToken.None))["c"].Critic!.Stamp);

        // A new version of the item is stored without the old verdict, and a verdict on the old version is refused.
        var edit = original with { Text = "all sorted, thank you", EditedAt = Now };
        await store.UpsertAsync("ch", [edit], CancellationToken.None);
        Assert.Null((await store.GetAsync("ch", ["c"], CancellationToken.None))["c"].Critic);
        Assert.Equal(0, await verdicts.SaveAsync("ch", [new ItemVerdict("c", original.ChangedAt, Judged(original.Text, Now.AddMinutes(1)))], CancellationToken.None));
        Assert.Equal(0, await verdicts.SaveAsync("ch", [new ItemVerdict("c", edit.ChangedAt, Judged(original.Text, Now.AddMinutes(1)))], CancellationToken.None));
        Assert.Null((await store.GetAsync("ch", ["c"], CancellationToken.None))["c"].Critic);
        Assert.Equal(1, await verdicts.SaveAsync("ch", [new ItemVerdict("c", edit.ChangedAt, Judged(edit.Text, Now.AddMinutes(1)))], CancellationToken.None));

        // A deleted item stays deleted.
        await store.DeleteAsync("ch", ["c"], CancellationToken.None);
        Assert.Equal(0, await verdicts.SaveAsync("ch", [new ItemVerdict("c", edit.ChangedAt, Judged(edit.Text, Now.AddMinutes(2), "s2"))], CancellationToken.None));
        Assert.Empty(await store.GetAsync("ch", ["c"], CancellationToken.None));
    }
}
