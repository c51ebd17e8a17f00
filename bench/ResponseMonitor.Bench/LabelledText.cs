namespace ResponseMonitor.Bench;

/// <summary>One labelled text: <see cref="Critical"/> is the data set's negative (or complaint) label.</summary>
internal sealed record LabelledText(string Text, bool Critical);
