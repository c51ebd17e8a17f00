using System.Text.Json.Nodes;

namespace ResponseMonitor.Integration.Tests.Infrastructure;

/// <summary>Recorded platform responses in ../shared/data/api_fixtures (sources and licences in its README).</summary>
public static class Fixtures
{
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "data", "api_fixtures"));

    public static JsonNode Load(string relativePath)
    {
        var path = Path.Combine(Folder, relativePath);
        Assert.True(File.Exists(path), $"Fixture {path} is missing: ../shared must sit beside the repository.");
        return JsonNode.Parse(File.ReadAllText(path))!;
    }

    /// <summary>The GET interactions of a converted VCR cassette, in recorded order.</summary>
    public static List<JsonNode> Gets(string cassette) =>
        Load(cassette)["interactions"]!.AsArray().Where(i => i!["method"]!.GetValue<string>() == "GET").Select(i => i!).ToList();
}
