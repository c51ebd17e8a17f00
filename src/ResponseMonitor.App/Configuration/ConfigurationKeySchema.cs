using System.Collections;
using System.Reflection;

namespace ResponseMonitor.App.Configuration;

/// <summary>
/// The configuration keys that binding a settings class can read, relative to its section, found from its properties
/// as <see cref="Microsoft.Extensions.Configuration.ConfigurationBinder"/> finds them: values, lists of values (read
/// as <c>Name:0</c>, <c>Name:1</c>…), nested settings classes, and open dictionaries (whose keys are the data's own).
/// Knowing the keys lets a reader look each one up instead of asking the configuration for a section's children,
/// which every provider answers by scanning all its keys.
/// </summary>
internal sealed class ConfigurationKeySchema
{
    private const int MaxDepth = 4;

    private ConfigurationKeySchema(List<string> values, List<string> lists, List<string> sections, List<string> dictionaries)
    {
        Values = values;
        Lists = lists;
        Sections = sections;
        Dictionaries = dictionaries;
    }

    /// <summary>Keys holding one value, e.g. <c>Id</c>, <c>Warnings:PreWarningAt</c>.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Lists of values, each entry under its index.</summary>
    public IReadOnlyList<string> Lists { get; }

    /// <summary>Nested sections and lists, whose own key may hold a value too (a JSON <c>null</c> or <c>[]</c>).</summary>
    public IReadOnlyList<string> Sections { get; }

    /// <summary>Open dictionaries: their keys are not known in advance.</summary>
    public IReadOnlyList<string> Dictionaries { get; }

    public static ConfigurationKeySchema For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var schema = new ConfigurationKeySchema([], [], [], []);
        schema.Add(type, prefix: "", depth: 0);
        return schema;
    }

    private void Add(Type type, string prefix, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var key = prefix + property.Name;
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsValue(propertyType))
            {
                if (property.SetMethod is not null)
                {
                    ((List<string>)Values).Add(key);
                }
            }
            else if (IsDictionary(propertyType) || depth >= MaxDepth)
            {
                ((List<string>)Sections).Add(key);
                ((List<string>)Dictionaries).Add(key);
            }
            else if (ElementType(propertyType) is { } element)
            {
                ((List<string>)Sections).Add(key);
                if (IsValue(Nullable.GetUnderlyingType(element) ?? element))
                {
                    ((List<string>)Lists).Add(key);
                }
                else
                {
                    // A list of sections: its entries' keys are not probed; the data's own keys are read instead.
                    ((List<string>)Dictionaries).Add(key);
                }
            }
            else if (propertyType.IsClass)
            {
                ((List<string>)Sections).Add(key);
                Add(propertyType, key + ":", depth + 1);
            }
        }
    }

    private static bool IsValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly)
        || type == typeof(Guid) || type == typeof(Uri);

    private static bool IsDictionary(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)));

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!typeof(IEnumerable).IsAssignableFrom(type) && !(type.IsInterface && type.IsGenericType))
        {
            return null;
        }

        return type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }
}
