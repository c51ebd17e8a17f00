namespace ResponseMonitor.Domain.Conversations;

public enum ItemKind
{
    Post,
    Comment,
}
