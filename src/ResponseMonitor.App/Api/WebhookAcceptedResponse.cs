namespace ResponseMonitor.App.Api;

public sealed record WebhookAcceptedResponse(string ChannelId, int Stored);
