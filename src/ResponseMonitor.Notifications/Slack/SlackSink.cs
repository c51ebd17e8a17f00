using System.Text.Json.Nodes;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Domain.Warnings;
using ResponseMonitor.Notifications.Sinks;

namespace ResponseMonitor.Notifications.Slack;

/// <summary>
/// Posts a batch to a Slack incoming webhook as Block Kit: a header, then a section and a context line per warning.
/// <c>text</c> carries the same title for notifications and clients without blocks. Slack answers 200 "ok".
/// </summary>
internal sealed class SlackSink(string name, SinkOptions options, IHttpClientFactory httpClients, QuietHours? quietHours)
    : ChatWebhookSink(name, options, httpClients, quietHours)
{
    public override string Type => SinkTypes.Slack;

    protected override JsonObject Build(NotificationBatch batch) => Message(batch);

    public static JsonObject Message(NotificationBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var title = BatchText.Title(batch);
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Truncate(title, 150) } },
        };
        foreach (var delivery in batch.Deliveries)
        {
            var marker = delivery.Event == WarningEvents.Resolved ? ":white_check_mark:" : BatchText.IsCritical(delivery) ? ":rotating_light:" : ":warning:";
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject
                {
                    ["type"] = "mrkdwn",
                    ["text"] = Truncate($"{marker} *{Escape(BatchText.Heading(delivery, batch.Language))}*\n{Escape(delivery.Warning.Message)}", 3000),
                },
            });
            var context = Escape(BatchText.Since(delivery, batch.Language));
            if (delivery.Warning.ItemUrl is { } url)
            {
                context += $" · <{url}|{Escape(WarningTexts.Label("open", batch.Language))}>";
            }

            blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray { new JsonObject { ["type"] = "mrkdwn", ["text"] = context } } });
        }

        return new JsonObject { ["text"] = title, ["blocks"] = blocks };
    }

    /// <summary>Slack's mrkdwn treats &amp;, &lt; and &gt; as control characters; user text must not make links or mentions.</summary>
    public static string Escape(string text) => (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
