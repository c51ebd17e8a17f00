using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace ResponseMonitor.App.Configuration;

internal sealed class MonitorOptions : IValidatableObject
{
    public const string SectionName = "Monitor";

    /// <summary>
    /// <c>Monitor:Channels</c>, then the channels of <c>Monitor:ChannelsFile</c>; read by
    /// <see cref="ChannelConfigurationReader"/> in linear time, not by the binder (<see cref="Bind"/>).
    /// </summary>
    public List<ChannelOptions> Channels { get; set; } = [];

    /// <summary>What was wrong reading the channels file; reported with the rest at start-up.</summary>
    internal List<string> ChannelSourceProblems { get; } = [];

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

    /// <summary>
    /// Binds <c>Monitor</c> into <paramref name="options"/>: each setting by the binder but the channels, which the
    /// binder would read in time quadratic in their number (<see cref="ChannelConfigurationReader"/>).
    /// </summary>
    public static void Bind(IConfiguration configuration, MonitorOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var section = configuration.GetSection(SectionName);
        foreach (var property in typeof(MonitorOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name != nameof(Channels) && property.SetMethod is { IsPublic: true }
                && section.GetSection(property.Name).Get(property.PropertyType) is { } value)
            {
                property.SetValue(options, value);
            }
        }

        options.Channels = ChannelConfigurationReader.Read(configuration, options.ChannelSourceProblems);
    }

    /// <summary>What is wrong beside the channels' platform settings, which their platforms check (<see cref="ChannelPlatformValidation"/>).</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var problem in ChannelSourceProblems)
        {
            yield return new ValidationResult(problem);
        }

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
                    yield return new ValidationResult($"{channel.PathOr(i)} ({channel.Id}): {result.ErrorMessage}");
                }
            }

            if (!seen.Add(channel.Id))
            {
                yield return new ValidationResult($"{channel.PathOr(i)}: the id '{channel.Id}' is used twice.");
            }

            foreach (var problem in channel.Exclusions?.Problems() ?? [])
            {
                yield return new ValidationResult($"{channel.PathOr(i)} ({channel.Id}): {problem}");
            }

            var exclusionResults = new List<ValidationResult>();
            if (channel.Exclusions is not null && !Validator.TryValidateObject(channel.Exclusions, new ValidationContext(channel.Exclusions), exclusionResults, validateAllProperties: true))
            {
                foreach (var result in exclusionResults)
                {
                    yield return new ValidationResult($"{channel.PathOr(i)} ({channel.Id}): Exclusions: {result.ErrorMessage}");
                }
            }

            foreach (var problem in WarningSettingsBinder.Problems(channel.Warnings))
            {
                yield return new ValidationResult($"{channel.PathOr(i)} ({channel.Id}): {problem}");
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
                    yield return new ValidationResult($"{channel.PathOr(i)} ({channel.Id}): business hours: {error}");
                }
            }
        }
    }
}
