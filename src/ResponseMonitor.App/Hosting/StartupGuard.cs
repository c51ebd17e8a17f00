using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ResponseMonitor.App.Hosting;

/// <summary>
/// Starts a host so that bad or missing settings end the process with exit code 1 and one line per setting, naming it
/// and the rule, never a stack trace. The options registered with ValidateOnStart are validated here, before the host
/// starts, because a failure inside StartAsync is logged by the host as a stack trace and rethrown.
/// </summary>
internal static partial class StartupGuard
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
        catch (Exception ex) when (Problems(ex) is { Count: > 0 } problems)
        {
            await WriteAsync(error, problems).ConfigureAwait(false);
            return ConfigurationError;
        }

        using (host)
        {
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>Runs a CLI verb; a configuration problem ends it the same way as the app's start.</summary>
    public static async Task<int> RunVerbAsync(Func<Task<int>> verb, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return await verb().ConfigureAwait(false);
        }
        catch (Exception ex) when (Problems(ex) is { Count: > 0 } problems)
        {
            await WriteAsync(error, problems).ConfigureAwait(false);
            return ConfigurationError;
        }
    }

    /// <summary>
    /// One line per setting at fault, or none when <paramref name="exception"/> is not a configuration problem. Several
    /// failed validations arrive as one AggregateException (Microsoft.Extensions.Options' StartupValidator).
    /// </summary>
    public static IReadOnlyList<string> Problems(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            OptionsValidationException options => [.. options.Failures.Select(Clean)],
            // A value the binder cannot convert, such as "soon" for a TimeSpan: its message names the key.
            InvalidOperationException { InnerException: FormatException or ArgumentException } binder => [binder.Message + " " + binder.InnerException?.Message],
            AggregateException aggregate when aggregate.InnerExceptions.All(e => Problems(e).Count > 0) => [.. aggregate.InnerExceptions.SelectMany(Problems)],
            _ => [],
        };
    }

    private static async Task WriteAsync(TextWriter error, IReadOnlyList<string> problems)
    {
        foreach (var problem in problems.Distinct(StringComparer.Ordinal))
        {
            await error.WriteLineAsync("ResponseMonitor cannot start: " + problem).ConfigureAwait(false);
        }
    }

    // DataAnnotations wrap the rule's own words ("DataAnnotation validation failed for 'StorageOptions' members:
    // 'ConnectionString' with the error: '…'."); the words are what a person needs.
    private static string Clean(string failure) =>
        DataAnnotationFailure().Match(failure.Trim()) is { Success: true } m ? m.Groups["error"].Value : failure.Trim();

    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']*' members: '[^']*' with the error: '(?<error>.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();
}
