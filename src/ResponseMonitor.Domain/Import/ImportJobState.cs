namespace ResponseMonitor.Domain.Import;

/// <summary>Where an import job is.</summary>
public enum ImportJobState
{
    /// <summary>The file is stored and its queue message sent; no worker has started it.</summary>
    Queued,

    /// <summary>A worker is reading it; <see cref="ImportJob.BytesRead"/> moves.</summary>
    Running,

    /// <summary>Done: <see cref="ImportJob.Result"/> says what was stored and which lines were skipped.</summary>
    Completed,

    /// <summary>The file could not be read at all (it is gone, or not text); nothing more will happen.</summary>
    Failed,
}
