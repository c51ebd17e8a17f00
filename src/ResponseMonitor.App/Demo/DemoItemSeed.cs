namespace ResponseMonitor.App.Demo;

/// <summary>A seed item. <see cref="Ago"/> ("2d", "26h", "1d2h30m") places it before start-up.</summary>
internal sealed class DemoItemSeed
{
    public string Id { get; set; } = "";

    public string? ParentId { get; set; }

    public string? Kind { get; set; }

    public string AuthorId { get; set; } = "";

    public string? AuthorName { get; set; }

    public string Ago { get; set; } = "0m";

    public string Text { get; set; } = "";

    /// <summary>When its author deletes it, after start-up ("3m"); null: never. Emulators that can tell a deletion serve it deleted from then on.</summary>
    public string? DeletedIn { get; set; }
}
