namespace ResponseMonitor.Domain.Ports;

/// <summary>
/// A connector's complete re-read of one thread: every reply under <see cref="RootId"/> the platform still shows,
/// tombstones included. Only a read that was not cut (by a page limit, a depth limit, the platform's cap on an
/// anonymous caller) may say so: a stored reply of the thread that it does not hold is then taken as deleted.
/// </summary>
/// <param name="RootId">The post the thread hangs from, as stored.</param>
/// <param name="RootCreatedAt">When that post was made: replies are no older, so storage is read from here on.</param>
/// <param name="Present">The ids of everything the read found under the root, at any depth.</param>
/// <param name="ReadAt">When the platform answered.</param>
public sealed record ThreadReread(string RootId, DateTimeOffset RootCreatedAt, IReadOnlySet<string> Present, DateTimeOffset ReadAt);
