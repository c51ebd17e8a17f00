using System.Diagnostics;
using System.Globalization;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// The azd hooks (infra/hooks, azure.yaml) run by sh with stand-ins for the Azure CLI and azd on PATH that answer as
/// the real ones document: <c>az provider show --query registrationState -o tsv</c> prints Registered or NotRegistered
/// (learn.microsoft.com/cli/azure/provider), <c>az role assignment list … --query "[].createdOn" -o tsv</c> prints ISO
/// 8601 times (learn.microsoft.com/cli/azure/role/assignment), <c>azd env get-value/set</c> read and write the
/// environment (learn.microsoft.com/azure/developer/azure-developer-cli/reference).
/// </summary>
public sealed class DeployHookTests : IDisposable
{
    private readonly string _bin = Directory.CreateTempSubdirectory("rm-hooks-").FullName;

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    private string Log => Path.Combine(_bin, "calls.log");

    private void Tool(string name, string script)
    {
        var path = Path.Combine(_bin, name);
        File.WriteAllText(path, "#!/bin/sh\necho \"$0 $*\" >> " + Log + "\n" + script + "\n");
        Assert.Equal(0, Repo.Run("chmod", $"+x {path}").ExitCode);
    }

    private (int Exit, string Output, TimeSpan Took) RunHook(string hook, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("sh", Repo.PathOf("infra", "hooks", hook))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PATH"] = $"{_bin}:/usr/bin:/bin";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), output);
        return (process.ExitCode, output, clock.Elapsed);
    }

    private string Calls() => File.Exists(Log) ? File.ReadAllText(Log) : "";

    [Fact]
    public void Azure_yaml_runs_both_hooks_with_sh()
    {
        var yaml = File.ReadAllText(Repo.PathOf("azure.yaml"));
        Assert.Contains("preprovision:\n    shell: sh\n    run: ./infra/hooks/preprovision.sh", yaml, StringComparison.Ordinal);
        Assert.Contains("postprovision:\n    shell: sh\n    run: ./infra/hooks/postprovision.sh", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Preprovision_registers_Microsoft_App_when_the_subscription_lacks_it_and_leaves_registered_ones_alone()
    {
        Tool("az", """
            case "$*" in
              "provider show --namespace Microsoft.App"*) echo NotRegistered ;;
              "provider show"*) echo Registered ;;
              "provider register"*) exit 0 ;;
            esac
            """);

        var (exit, output, _) = RunHook("preprovision.sh", new() { ["AZURE_SUBSCRIPTION_ID"] = "0000-sub" });

        Assert.True(exit == 0, output);
        var registers = Calls().Split('\n').Where(l => l.Contains("provider register", StringComparison.Ordinal)).ToList();
        Assert.Equal("provider register --namespace Microsoft.App --subscription 0000-sub --wait", Assert.Single(registers)[(registers[0].IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        Assert.Contains("Microsoft.App is NotRegistered", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Preprovision_stops_azd_with_the_command_for_an_owner_when_it_may_not_register()
    {
        Tool("az", """
            case "$*" in
              "provider show --namespace Microsoft.App"*) echo NotRegistered ;;
              "provider show"*) echo Registered ;;
              "provider register"*) echo "AuthorizationFailed" >&2; exit 1 ;;
            esac
            """);

        var (exit, output, _) = RunHook("preprovision.sh", new());

        Assert.Equal(1, exit);
        Assert.Contains("az provider register --namespace Microsoft.App --wait", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Postprovision_waits_until_the_newest_role_assignment_is_old_enough_and_not_on_a_rerun()
    {
        var fresh = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffff+00:00", CultureInfo.InvariantCulture);
        Tool("az", $"""
            echo 2020-01-01T00:00:00.000000+00:00
            echo {fresh}
            """);
        var environment = new Dictionary<string, string>
        {
            ["AZURE_APP_IDENTITY_PRINCIPAL_ID"] = "principal-1",
            ["AZURE_RESOURCE_GROUP"] = "rg-test",
            ["RESPONSE_MONITOR_ROLE_WAIT_SECONDS"] = "3",
        };

        var (exit, output, took) = RunHook("postprovision.sh", environment);

        Assert.True(exit == 0, output);
        Assert.True(took >= TimeSpan.FromSeconds(1.5), $"It did not wait for the fresh assignment ({took}).\n{output}");
        Assert.Contains("role assignment list --all --assignee principal-1 --query [?resourceGroup=='rg-test'].createdOn -o tsv", Calls(), StringComparison.Ordinal);

        // A rerun: every assignment is old.
        Tool("az", "echo 2020-01-01T00:00:00.000000+00:00");
        (exit, output, took) = RunHook("postprovision.sh", environment);
        Assert.True(exit == 0, output);
        Assert.True(took < TimeSpan.FromSeconds(1.5), $"It waited although the roles are old ({took}).");
    }

    [Fact]
    public void Postprovision_without_the_cli_waits_once_per_identity_and_remembers_it_in_the_azd_environment()
    {
        var store = Path.Combine(_bin, "azd-env");
        Tool("azd", $"""
            case "$1 $2" in
              "env get-value") grep "^$3=" {store} 2>/dev/null | cut -d= -f2- ;;
              "env set") echo "$3=$4" >> {store} ;;
            esac
            """);
        var environment = new Dictionary<string, string>
        {
            ["AZURE_APP_IDENTITY_PRINCIPAL_ID"] = "principal-2",
            ["AZURE_RESOURCE_GROUP"] = "rg-test",
            ["RESPONSE_MONITOR_ROLE_WAIT_SECONDS"] = "2",
        };

        var first = RunHook("postprovision.sh", environment);
        var second = RunHook("postprovision.sh", environment);

        Assert.True(first.Exit == 0 && second.Exit == 0, first.Output + second.Output);
        Assert.True(first.Took >= TimeSpan.FromSeconds(1.8), $"The first run did not wait ({first.Took}).");
        Assert.True(second.Took < TimeSpan.FromSeconds(1.5), $"The second run waited again ({second.Took}).");
        Assert.Contains("RESPONSE_MONITOR_ROLES_SETTLED=principal-2", File.ReadAllText(store), StringComparison.Ordinal);
    }
}
