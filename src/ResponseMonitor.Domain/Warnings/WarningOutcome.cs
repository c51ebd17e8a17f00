namespace ResponseMonitor.Domain.Warnings;

/// <summary>What one evaluation changed: warnings that fired, that resolved, and deliveries queued.</summary>
public sealed record WarningOutcome(int Fired, int Resolved, int DeliveriesQueued);
