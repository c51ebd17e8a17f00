using Microsoft.Extensions.Options;

namespace ResponseMonitor.App.Hosting;

/// <summary>
/// Starts a host so that a bad setting ends the process with exit code 1 and one line naming the setting and the
/// rule. The options registered with ValidateOnStart are validated here, before the host starts, because a failure
/// inside StartAsync is logged by the host as a stack trace and rethrown.
/// </summary>
public static class StartupGuard
{
    public const int ConfigurationError = 1;

    public static async Task<int> RunAsync(Func<IHost> create, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(error);
        IHost host;
        try
        {
            host = create();
            host.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync("ResponseMonitor cannot start: " + string.Join(" ", ex.Failures.Select(f => f.Trim()))).ConfigureAwait(false);
            return ConfigurationError;
        }
        catch (InvalidOperationException ex) when (ex.InnerException is FormatException or ArgumentException)
        {
            // A value the binder cannot convert, such as "soon" for a TimeSpan: its message names the key.
            await error.WriteLineAsync("ResponseMonitor cannot start: " + ex.Message + " " + ex.InnerException.Message).ConfigureAwait(false);
            return ConfigurationError;
        }

        using (host)
        {
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }
}
