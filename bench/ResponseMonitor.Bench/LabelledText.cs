namespace ResponseMonitor.Bench;

/// <summary>One labelled text: <see cref="Critical"/> is the data set's negative (or complaint) label; <see cref="At"/> when the set dates it.</summary>
internal sealed record LabelledText(string Text, bool Critical, DateTimeOffset? At = null);
