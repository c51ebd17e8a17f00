namespace ResponseMonitor.Domain.Conversations;

/// <summary>A platform's word that an item, stored earlier, was deleted, hidden or shown again (a webhook event, a tombstone).</summary>
/// <param name="Id">The item's id, as stored.</param>
/// <param name="State">Its new state.</param>
/// <param name="At">When the platform said so (the event's time, else the time it was read).</param>
public sealed record ItemStateChange(string Id, ItemState State, DateTimeOffset At);
