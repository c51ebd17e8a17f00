namespace ResponseMonitor.Connectors.Reddit;

/// <summary>
/// A <c>more</c> stub of a comment tree (https://github.com/reddit-archive/reddit/wiki/JSON, "more"): the ids of
/// collapsed comments under <paramref name="ParentId"/>, or none for a thread cut at depth ("continue this thread").
/// </summary>
internal sealed record RedditMore(string ParentId, IReadOnlyList<string> Children);
