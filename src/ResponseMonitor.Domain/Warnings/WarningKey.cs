namespace ResponseMonitor.Domain.Warnings;

public static class WarningKey
{
    public static string Of(string rule, string subject) => rule + "|" + subject;
}
