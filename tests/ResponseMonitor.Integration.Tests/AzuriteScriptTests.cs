using System.Diagnostics;
using System.Globalization;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// scripts/azurite.sh is sourced by run.sh, test.sh and the bench and stress scripts, and by hand: sourcing it must not
/// change the caller's shell options, and a caller that fails after start_azurite must not leave Azurite running.
/// </summary>
public sealed class AzuriteScriptTests
{
    [Fact]
    public async Task Sourcing_leaves_errexit_as_it_was()
    {
        var (exit, output) = await BashAsync("set +e; source scripts/azurite.sh; case $- in *e*) echo errexit-on;; *) echo errexit-off;; esac; set -o | grep -E '^(nounset|pipefail) ' | tr -s ' \\t' ' '");

        Assert.Equal(0, exit);
        Assert.Contains("errexit-off", output, StringComparison.Ordinal);
        Assert.Contains("nounset off", output, StringComparison.Ordinal);
        Assert.Contains("pipefail off", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_that_fails_after_starting_Azurite_stops_it_on_exit()
    {
        // A caller with no EXIT trap of its own, under set -e, that fails once Azurite is up.
        var (exit, output) = await BashAsync("set -e; source scripts/azurite.sh; start_azurite; echo \"pid $AZURITE_PID\"; false; echo unreachable");

        Assert.Equal(1, exit);
        Assert.DoesNotContain("unreachable", output, StringComparison.Ordinal);
        var pid = int.Parse(output.Split('\n').Single(l => l.StartsWith("pid ", StringComparison.Ordinal))[4..].Trim(), CultureInfo.InvariantCulture);
        var leaked = Directory.Exists($"/proc/{pid}");
        if (leaked)
        {
            using var azurite = Process.GetProcessById(pid);
            azurite.Kill(entireProcessTree: true);
        }

        Assert.False(leaked, $"Azurite ({pid}) outlived its caller");
    }

    private static async Task<(int Exit, string Output)> BashAsync(string script)
    {
        var start = new ProcessStartInfo("/bin/bash", ["-c", script])
        {
            WorkingDirectory = Repo.PathOf(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
