namespace ResponseMonitor.Integration.Tests.Infrastructure.ServiceBus;

/// <summary>One message as the loopback broker took it off the wire (after unpacking a batch).</summary>
public sealed record BrokeredMessage(
    string Entity,
    string? MessageId,
    string? ContentType,
    string? Subject,
    IReadOnlyDictionary<string, object?> ApplicationProperties,
    byte[] Body);
