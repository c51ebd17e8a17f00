using System.ComponentModel.DataAnnotations;
using NCrontab;

namespace ResponseMonitor.App.Standalone;

/// <summary>The PollChannels timer when standalone. Same setting as the timer trigger's <c>%PollSchedule%</c> in Azure.</summary>
internal sealed class SchedulerOptions : IValidatableObject
{
    /// <summary>Six-field NCRONTAB (seconds first), UTC. Default: every 5 minutes.</summary>
    public string PollSchedule { get; set; } = "0 */5 * * * *";

    /// <summary>Poll once at start-up as well, like the timer trigger's runOnStartup.</summary>
    public bool RunOnStartup { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CrontabSchedule.TryParse(PollSchedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is null)
        {
            yield return new ValidationResult($"PollSchedule '{PollSchedule}' is not a six-field NCRONTAB expression such as '0 */5 * * * *'.", [nameof(PollSchedule)]);
        }
    }
}
