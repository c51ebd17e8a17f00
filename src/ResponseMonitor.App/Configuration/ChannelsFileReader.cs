using System.Globalization;
using System.Text.Json;

namespace ResponseMonitor.App.Configuration;

/// <summary>
/// <c>Monitor:ChannelsFile</c>: a JSON array of channels, each an object shaped as one <c>Monitor:Channels:N</c>
/// section (<c>{"Id": "…", "Kind": "…", "Settings": {…}, "BrandAuthorIds": […]}</c>), for estates whose thousands of
/// channels do not belong in app settings (there they are environment variables, bounded by the process's
/// environment: docs/DEPLOY.md). Read one channel at a time, so memory holds one channel's JSON, not the file's.
/// Each channel comes back as the configuration keys the JSON configuration provider would make of it.
/// </summary>
internal static class ChannelsFileReader
{
    public const string SettingName = MonitorOptions.SectionName + ":ChannelsFile";

    public static IEnumerable<(string Path, List<KeyValuePair<string, string?>> Keys)> Read(string file, List<string> problems)
    {
        FileStream? stream = null;
        try
        {
            stream = File.OpenRead(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Add($"{SettingName}: cannot read '{file}': {ex.Message}");
        }

        if (stream is null)
        {
            yield break;
        }

        using (stream)
        {
            var channels = JsonSerializer.DeserializeAsyncEnumerable(stream, ChannelsFileJsonContext.Default.JsonElement).ToBlockingEnumerable();
            using var each = channels.GetEnumerator();
            for (var i = 0; ; i++)
            {
                string? error = null;
                try
                {
                    if (!each.MoveNext())
                    {
                        break;
                    }
                }
                catch (JsonException ex)
                {
                    error = $"{SettingName}: '{file}' is not a JSON array of channels: {ex.Message}";
                }

                if (error is not null)
                {
                    problems.Add(error);
                    yield break;
                }

                var path = string.Create(CultureInfo.InvariantCulture, $"{SettingName}[{i}]");
                if (each.Current.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{path}: a channel is a JSON object, not {each.Current.ValueKind}.");
                    continue;
                }

                var keys = new List<KeyValuePair<string, string?>>();
                Flatten(each.Current, "", keys);
                yield return (path, keys);
            }
        }
    }

    /// <summary>Keys as Microsoft.Extensions.Configuration.Json makes them: <c>A:B</c> for objects, <c>A:0</c> for arrays, null for an empty one.</summary>
    private static void Flatten(JsonElement element, string path, List<KeyValuePair<string, string?>> keys)
    {
        var prefix = path.Length == 0 ? "" : path + ":";
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var any = false;
                foreach (var property in element.EnumerateObject())
                {
                    any = true;
                    Flatten(property.Value, prefix + property.Name, keys);
                }

                if (!any && path.Length > 0)
                {
                    keys.Add(new(path, null));
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, prefix + index.ToString(CultureInfo.InvariantCulture), keys);
                    index++;
                }

                if (index == 0)
                {
                    keys.Add(new(path, null));
                }

                break;
            default:
                keys.Add(new(path, element.ToString()));
                break;
        }
    }
}
