using System.Diagnostics;

namespace ResponseMonitor.Integration.Tests.Infrastructure;

/// <summary>The repository the tests run from, and a way to run its tools.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static (int ExitCode, string Output) Run(string fileName, string arguments, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory ?? Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {arguments} did not finish.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string FindRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "ResponseMonitor.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("ResponseMonitor.sln not found above the test folder.");
        }

        return dir;
    }
}
