using Microsoft.Extensions.Options;
using ResponseMonitor.Connectors.Platforms;

namespace ResponseMonitor.App.Configuration;

/// <summary>
/// Start-up check of each channel against its platform: the kind must be a registered platform's, and an enabled
/// channel's settings must pass that platform's own check. No platform is named here.
/// </summary>
internal sealed class ChannelPlatformValidation(PlatformRegistry platforms) : IValidateOptions<MonitorOptions>
{
    public ValidateOptionsResult Validate(string? name, MonitorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.Channels.Count; i++)
        {
            var channel = options.Channels[i];
            if (platforms.Find(channel.Kind) is null || channel.Enabled)
            {
                failures.AddRange(platforms.Check(channel.Id, channel.Kind, channel.PlatformSettings()).Select(p => $"{channel.PathOr(i)} ({channel.Id}): {p}"));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
