using System.Xml.Linq;

namespace ResponseMonitor.Integration.Tests;

/// <summary>
/// Every shipped project writes its XML docs (Directory.Build.props), so the compiler checks each comment's XML,
/// crefs and params. What it does not check: a member with two summaries, where tools show one and hide the other.
/// </summary>
public sealed class DocumentationTests
{
    private static readonly string[] Assemblies = ["ResponseMonitor", "ResponseMonitor.Domain", "ResponseMonitor.Storage", "ResponseMonitor.Connectors", "ResponseMonitor.Notifications"];

    [Fact]
    public void Every_shipped_assembly_has_its_xml_docs_and_no_member_has_two_summaries()
    {
        var doubled = new List<string>();
        foreach (var assembly in Assemblies)
        {
            var path = Path.Combine(AppContext.BaseDirectory, assembly + ".xml");
            Assert.True(File.Exists(path), $"{assembly}.xml is not beside the tests: GenerateDocumentationFile is off for it.");
            var members = XDocument.Load(path).Descendants("member").ToList();
            Assert.NotEmpty(members);
            doubled.AddRange(members.Where(m => m.Elements("summary").Count() > 1).Select(m => $"{assembly}: {m.Attribute("name")?.Value}"));
        }

        Assert.Empty(doubled);
    }
}
