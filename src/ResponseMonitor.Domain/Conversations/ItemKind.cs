namespace ResponseMonitor.Domain.Conversations;

/// <summary>What an item is in its conversation.</summary>
public enum ItemKind
{
    /// <summary>A post that opens a thread.</summary>
    Post,

    /// <summary>An answer to a post or to another comment.</summary>
    Comment,
}
