namespace ResponseMonitor.Domain.Text;

/// <summary>Quotes a caller's value in an error message: only a short prefix, so a huge bad value is not sent back whole.</summary>
public static class ErrorText
{
    /// <summary>Characters of a bad value an error quotes; longer values end with how long they were.</summary>
    public const int MaxQuoted = 64;

    /// <summary>The value as an error quotes it: whole when short, otherwise its first <see cref="MaxQuoted"/> characters and its length.</summary>
    public static string Quote(string? value) =>
        value is null ? "" : value.Length <= MaxQuoted ? value : string.Concat(value.AsSpan(0, MaxQuoted), $"… ({value.Length:N0} characters)");
}
