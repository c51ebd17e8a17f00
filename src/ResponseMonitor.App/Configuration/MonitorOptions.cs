using System.ComponentModel.DataAnnotations;

namespace ResponseMonitor.App.Configuration;

public sealed class MonitorOptions : IValidatableObject
{
    public const string SectionName = "Monitor";

    public List<ChannelOptions> Channels { get; set; } = [];

    /// <summary>The brand's name, for routing; channels may name their own.</summary>
    public string Brand { get; set; } = "default";

    /// <summary>Default language of warnings (en, es, de, fr).</summary>
    public string Language { get; set; } = "en";

    /// <summary>The brand's business hours, for channels without their own. None: always open.</summary>
    public BusinessHoursOptions? BusinessHours { get; set; }

    /// <summary>Which public messages need no answer, for channels without their own settings.</summary>
    public ExclusionOptions? Exclusions { get; set; }

    /// <summary>How long what the public wrote is kept.</summary>
    public RetentionOptions Retention { get; set; } = new();

    /// <summary>What is wrong beside the channels' platform settings, which their platforms check (<see cref="ChannelPlatformValidation"/>).</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var problem in Exclusions?.Problems() ?? [])
        {
            yield return new ValidationResult($"Monitor:{problem}");
        }

        var retentionResults = new List<ValidationResult>();
        if (!Validator.TryValidateObject(Retention, new ValidationContext(Retention), retentionResults, validateAllProperties: true))
        {
            foreach (var result in retentionResults)
            {
                yield return new ValidationResult($"Monitor:Retention: {result.ErrorMessage}");
            }
        }

        foreach (var problem in Retention.Problems())
        {
            yield return new ValidationResult($"Monitor:{problem}");
        }

        foreach (var channel in Channels.Where(c => c.RetentionDays is < RetentionOptions.MinDays or > RetentionOptions.MaxDays))
        {
            yield return new ValidationResult($"Monitor:Channels: channel '{channel.Id}' RetentionDays must be from {RetentionOptions.MinDays} to {RetentionOptions.MaxDays}, not {channel.RetentionDays}.");
        }

        if (Exclusions is not null)
        {
            var brandResults = new List<ValidationResult>();
            if (!Validator.TryValidateObject(Exclusions, new ValidationContext(Exclusions), brandResults, validateAllProperties: true))
            {
                foreach (var result in brandResults)
                {
                    yield return new ValidationResult($"Monitor:Exclusions: {result.ErrorMessage}");
                }
            }
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Channels.Count; i++)
        {
            var channel = Channels[i];
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(channel, new ValidationContext(channel), results, validateAllProperties: true))
            {
                foreach (var result in results)
                {
                    yield return new ValidationResult($"Monitor:Channels:{i} ({channel.Id}): {result.ErrorMessage}");
                }
            }

            if (!seen.Add(channel.Id))
            {
                yield return new ValidationResult($"Monitor:Channels:{i}: the id '{channel.Id}' is used twice.");
            }

            foreach (var problem in channel.Exclusions?.Problems() ?? [])
            {
                yield return new ValidationResult($"Monitor:Channels:{i} ({channel.Id}): {problem}");
            }

            var exclusionResults = new List<ValidationResult>();
            if (channel.Exclusions is not null && !Validator.TryValidateObject(channel.Exclusions, new ValidationContext(channel.Exclusions), exclusionResults, validateAllProperties: true))
            {
                foreach (var result in exclusionResults)
                {
                    yield return new ValidationResult($"Monitor:Channels:{i} ({channel.Id}): Exclusions: {result.ErrorMessage}");
                }
            }

            foreach (var problem in WarningSettingsBinder.Problems(channel.Warnings))
            {
                yield return new ValidationResult($"Monitor:Channels:{i} ({channel.Id}): {problem}");
            }

            if ((channel.BusinessHours ?? BusinessHours) is { IsEmpty: false } hours)
            {
                string? error = null;
                try
                {
                    hours.ToBusinessHours();
                }
                catch (Exception ex) when (ex is FormatException or TimeZoneNotFoundException or InvalidTimeZoneException)
                {
                    error = ex.Message;
                }

                if (error is not null)
                {
                    yield return new ValidationResult($"Monitor:Channels:{i} ({channel.Id}): business hours: {error}");
                }
            }
        }
    }
}
