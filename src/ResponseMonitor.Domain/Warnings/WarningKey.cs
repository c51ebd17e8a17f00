namespace ResponseMonitor.Domain.Warnings;

internal static class WarningKey
{
    public static string Of(string rule, string subject) => rule + "|" + subject;
}
