using System.Text.Json.Nodes;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Domain.Warnings;
using ResponseMonitor.Notifications.Sinks;

namespace ResponseMonitor.Notifications.Teams;

/// <summary>
/// Posts a batch to a Teams channel through a Workflows webhook ("When a Teams webhook request is received"): a
/// <c>message</c> whose attachment is an Adaptive Card 1.4 with one block per warning and a button to the comment.
/// Workflows answers 202 when it accepted the request.
/// </summary>
internal sealed class TeamsSink(string name, SinkOptions options, IHttpClientFactory httpClients, QuietHours? quietHours)
    : ChatWebhookSink(name, options, httpClients, quietHours)
{
    public override string Type => SinkTypes.Teams;

    protected override JsonObject Build(NotificationBatch batch) => Message(batch);

    public static JsonObject Message(NotificationBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = BatchText.Title(batch), ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
        };
        foreach (var delivery in batch.Deliveries)
        {
            var items = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "TextBlock",
                    ["text"] = BatchText.Heading(delivery, batch.Language),
                    ["weight"] = "Bolder",
                    ["color"] = delivery.Event == WarningEvents.Resolved ? "Good" : BatchText.IsCritical(delivery) ? "Attention" : "Warning",
                    ["wrap"] = true,
                },
                new JsonObject { ["type"] = "TextBlock", ["text"] = delivery.Warning.Message, ["wrap"] = true },
                new JsonObject
                {
                    ["type"] = "FactSet",
                    ["facts"] = new JsonArray
                    {
                        new JsonObject { ["title"] = WarningTexts.Label("channel", batch.Language), ["value"] = batch.ChannelName },
                        new JsonObject { ["title"] = WarningTexts.Label("since", batch.Language), ["value"] = BatchText.SinceTime(delivery) },
                    },
                },
            };
            if (delivery.Warning.ItemUrl is { } url)
            {
                items.Add(new JsonObject
                {
                    ["type"] = "ActionSet",
                    ["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = WarningTexts.Label("open", batch.Language), ["url"] = url } },
                });
            }

            body.Add(new JsonObject { ["type"] = "Container", ["separator"] = true, ["items"] = items });
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject
                {
                    ["contentType"] = "application/vnd.microsoft.card.adaptive",
                    ["contentUrl"] = null,
                    ["content"] = new JsonObject
                    {
                        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                        ["type"] = "AdaptiveCard",
                        ["version"] = "1.4",
                        ["msteams"] = new JsonObject { ["width"] = "Full" },
                        ["body"] = body,
                    },
                },
            },
        };
    }
}
