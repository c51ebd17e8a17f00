using System.Text;
using System.Reflection;
using System.Text.Json.Nodes;
using ResponseMonitor.Integration.Tests.Infrastructure;

namespace ResponseMonitor.Integration.Tests;

/// <summary>The Bicep compiles and lints with no warnings, and declares what docs/DEPLOY.md promises.</summary>
public sealed class InfrastructureTests
{
    private static readonly string Bicep = typeof(InfrastructureTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepPath").Value!;

    private static string BuildJson(string file)
    {
        var (exit, output) = Repo.Run(Bicep, $"build {Repo.PathOf("infra", file)} --stdout");
        Assert.True(exit == 0, output);
        return output;
    }

    [Theory]
    [InlineData("main.bicep")]
    [InlineData("app.bicep")]
    [InlineData("types.bicep")]
    public void Each_file_builds_and_lints_with_no_warnings(string file)
    {
        Assert.True(File.Exists(Bicep), $"The bicep binary from the Azure.Bicep.CommandLine.linux-x64 package is missing at {Bicep}.");
        var (buildExit, buildOutput) = Repo.Run(Bicep, $"build {Repo.PathOf("infra", file)} --stdout");
        Assert.Equal(0, buildExit);
        Assert.DoesNotContain(": Warning ", buildOutput, StringComparison.Ordinal);
        var (lintExit, lintOutput) = Repo.Run(Bicep, $"lint {Repo.PathOf("infra", file)}");
        Assert.True(lintExit == 0 && lintOutput.Trim().Length == 0, lintOutput);
    }

    [Fact]
    public void The_app_reaches_storage_and_secrets_by_identity_only()
    {
        var json = BuildJson("app.bicep");
        var template = JsonNode.Parse(json)!;
        var resources = template["resources"]!.AsObject().Select(r => r.Value!).ToList();
        JsonNode Of(string type) => resources.Single(r => r["type"]!.GetValue<string>() == type);

        var storage = Of("Microsoft.Storage/storageAccounts")["properties"]!;
        Assert.False(storage["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(storage["allowBlobPublicAccess"]!.GetValue<bool>());

        var site = Of("Microsoft.Web/sites")["properties"]!;
        // .NET 10 isolated on Flex: learn.microsoft.com/azure/azure-functions/supported-languages and the Flex runtime
        // list (learn.microsoft.com/powershell/module/az.functions/get-azfunctionappflexconsumptionruntime); Flex takes
        // no ftpsState (learn.microsoft.com/azure/azure-functions/flex-consumption-plan, "Deprecated properties and settings").
        Assert.Equal("dotnet-isolated", site["functionAppConfig"]!["runtime"]!["name"]!.GetValue<string>());
        Assert.Equal("10.0", site["functionAppConfig"]!["runtime"]!["version"]!.GetValue<string>());
        Assert.Null(site["siteConfig"]!["ftpsState"]);
        Assert.Equal("UserAssignedIdentity", site["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!["type"]!.GetValue<string>());
        Assert.Equal("FC1", Of("Microsoft.Web/serverfarms")["sku"]!["name"]!.GetValue<string>());
        Assert.True(Of("Microsoft.Insights/components")["properties"]!["DisableLocalAuth"]!.GetValue<bool>());
        Assert.True(Of("Microsoft.KeyVault/vaults")["properties"]!["enableRbacAuthorization"]!.GetValue<bool>());

        // Identity-based storage settings the app reads, and no key or connection string anywhere.
        foreach (var setting in new[] { "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId", "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "PollSchedule", "Critics__Backend", "Critics__AzureLanguage__ApiKey" })
        {
            Assert.Contains(setting, json, StringComparison.Ordinal);
        }

        // Settings the template does not name (business hours, exclusions, rules, sinks) survive a redeployment through it.
        Assert.Contains("parameters('extraAppSettings')", json, StringComparison.Ordinal);

        Assert.DoesNotContain("listKeys", json, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", json, StringComparison.Ordinal);
        Assert.Contains("@Microsoft.KeyVault(VaultName=", json, StringComparison.Ordinal);

        // Blob, queue and table data roles, Key Vault Secrets User and telemetry publishing for the app's identity.
        foreach (var role in new[] { "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "4633458b-17de-408a-b874-0445c86b69e6", "3913510d-42f4-4e42-8a64-420c390055eb" })
        {
            Assert.Contains(role, json, StringComparison.Ordinal);
        }

        // A token a platform rotates is written back as a new secret version, so the app's identity may set secrets:
        // Key Vault Secrets Officer, b86a8fe4-44ce-4948-aee5-eccb2c155cd7 (learn.microsoft.com/azure/role-based-access-control/built-in-roles/security),
        // but only on the secrets it writes: scoped to Microsoft.KeyVault/vaults/secrets (learn.microsoft.com/azure/key-vault/general/rbac-guide,
        // "Secret scope role assignment"; learn.microsoft.com/azure/templates/microsoft.keyvault/vaults/secrets), one per rotated
        // secret, never the vault. The vault-wide Officer is the deploying person's alone.
        // The app learns the vault's address and its identity (Secrets:VaultUri, Secrets:ClientId; docs/CHANNELS.md).
        Assert.Contains("b86a8fe4-44ce-4948-aee5-eccb2c155cd7", json, StringComparison.Ordinal);
        var officers = resources.Where(r => r["type"]!.GetValue<string>() == "Microsoft.Authorization/roleAssignments"
            && r["properties"]!["roleDefinitionId"]!.ToJsonString().Contains("keyVaultSecretsOfficer", StringComparison.Ordinal)).ToList();
        var appOfficer = Assert.Single(officers, r => r["properties"]!["principalId"]!.GetValue<string>().Contains("reference('identity')", StringComparison.Ordinal));
        Assert.Equal("ServicePrincipal", appOfficer["properties"]!["principalType"]!.GetValue<string>());
        Assert.StartsWith("[resourceId('Microsoft.KeyVault/vaults/secrets', variables('names').vault, variables('rotatedSecretNames')[copyIndex()])", appOfficer["scope"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("[length(variables('rotatedSecretNames'))]", appOfficer["copy"]!["count"]!.GetValue<string>());
        Assert.Equal("[parameters('principalId')]", Assert.Single(officers, r => r != appOfficer)["properties"]!["principalId"]!.GetValue<string>());
        Assert.DoesNotContain(officers, r => r != appOfficer && r["properties"]!["principalId"]!.ToJsonString().Contains("identity", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Secrets__VaultUri", json, StringComparison.Ordinal);
        Assert.Contains("Secrets__ClientId", json, StringComparison.Ordinal);

        // The tables and queue the app uses exist from the start.
        foreach (var name in new[] { "Items", "Open", "Channels", "Snapshots", "Warnings", "ImportJobs", "-imports", "analyze-channel", "analyze-channel-poison", "import-history", "import-history-poison" })
        {
            Assert.Contains(name, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Azd_finds_the_template_and_its_parameters()
    {
        var yaml = File.ReadAllText(Repo.PathOf("azure.yaml"));
        Assert.Contains("host: function", yaml, StringComparison.Ordinal);
        Assert.Contains("project: ./src/ResponseMonitor.App", yaml, StringComparison.Ordinal);
        var parameters = JsonNode.Parse(File.ReadAllText(Repo.PathOf("infra", "main.parameters.json")))!["parameters"]!.AsObject();
        var main = File.ReadAllText(Repo.PathOf("infra", "main.bicep"));
        Assert.All(parameters, p => Assert.Contains($"param {p.Key} ", main, StringComparison.Ordinal));
        Assert.Contains("'azd-service-name': 'monitor'", File.ReadAllText(Repo.PathOf("infra", "app.bicep")), StringComparison.Ordinal);
    }

    [Fact]
    public void Azd_passes_the_principal_type_and_the_first_up_needs_no_secret_that_does_not_exist_yet()
    {
        // azd substitutes ${NAME=default} from the environment into main.parameters.json
        // (learn.microsoft.com/azure/developer/azure-developer-cli/manage-environment-variables). AZURE_PRINCIPAL_TYPE is
        // not one azd always sets (github.com/Azure/azure-dev/discussions/3488), hence the default and docs/DEPLOY.md's step.
        var parameters = JsonNode.Parse(File.ReadAllText(Repo.PathOf("infra", "main.parameters.json")))!["parameters"]!;
        Assert.Equal("${AZURE_PRINCIPAL_TYPE=User}", parameters["principalType"]!["value"]!.GetValue<string>());
        Assert.Empty(parameters["channels"]!["value"]!.AsArray());
        Assert.All(parameters.AsObject().Where(p => p.Key.EndsWith("SecretName", StringComparison.Ordinal)), p => Assert.Equal("", p.Value!["value"]!.GetValue<string>()));
    }

    /// <summary>The limits of learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules for each resource type.</summary>
    [Theory]
    [InlineData("a")]
    [InlineData("response-monitor-dev")]
    [InlineData("acme_outdoor.prod(eu)")]
    [InlineData("Acme-Outdoor-Production-West-Europe-Community-Channels-2026-xyzw")]
    [InlineData("a_b.c(d)e-f_g.h(i)j-k_l.m(n)o-p_q.r(s)t-u_v.w(x)y-z_0.1(2)3-4_5.")]
    [InlineData("___")]
    public void Resource_names_are_valid_and_keep_the_unique_token_for_any_azd_environment_name(string environmentName)
    {
        var names = EvaluateNames(environmentName, "tok3n12345abc");

        Assert.Matches("^[a-z0-9]{3,24}$", names["storage"]);
        Assert.Matches("^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$", names["vault"]);
        Assert.DoesNotContain("--", names["vault"], StringComparison.Ordinal);
        Assert.Matches("^[a-zA-Z0-9][a-zA-Z0-9-]{0,58}[a-zA-Z0-9]$", names["site"]);
        Assert.Matches("^[a-zA-Z0-9][a-zA-Z0-9-]{0,58}[a-zA-Z0-9]$", names["plan"]);
        Assert.Matches("^[a-zA-Z0-9][a-zA-Z0-9_-]{2,127}$", names["identity"]);
        Assert.Matches("^[a-zA-Z0-9][a-zA-Z0-9-]{2,61}[a-zA-Z0-9]$", names["logs"]);
        Assert.InRange(names["insights"].Length, 1, 260);
        // Service Bus namespaces: 6-50 letters, digits and hyphens, starting with a letter, ending with a letter or digit.
        Assert.Matches("^[a-zA-Z][a-zA-Z0-9-]{4,48}[a-zA-Z0-9]$", names["bus"]);
        Assert.All(names.Values, name => Assert.EndsWith("tok3n12345abc", name, StringComparison.Ordinal));
    }

    [Fact]
    public void Two_long_environment_names_with_the_same_start_get_different_global_names()
    {
        // The token hashes the whole name (and subscription and group): evaluated here with Bicep's own uniqueString.
        var first = EvaluateNames("acme-outdoor-production-one", null);
        var second = EvaluateNames("acme-outdoor-production-two", null);

        Assert.NotEqual(first["storage"], second["storage"]);
        Assert.NotEqual(first["vault"], second["vault"]);
    }

    [Fact]
    public void The_app_may_set_only_the_secrets_of_channels_whose_platform_rotates_them()
    {
        // The kinds app.bicep names are exactly those whose connector takes RotatedSecrets (the code that writes a
        // rotated token back): a platform that starts rotating its tokens fails here until the template knows it.
        var bicep = File.ReadAllText(Repo.PathOf("infra", "app.bicep"));
        var declared = System.Text.RegularExpressions.Regex.Match(bicep, @"^var rotatingKinds = \[([^\]]*)\]", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.True(declared.Success, "app.bicep declares no rotatingKinds.");
        var kinds = declared.Groups[1].Value.Split(',').Select(k => k.Trim().Trim('\'')).Order(StringComparer.Ordinal).ToArray();
        var rotating = typeof(Connectors.Platforms.RotatedSecrets).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false } && typeof(Connectors.Platforms.IChannelPlatform).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (Platform: (Connectors.Platforms.IChannelPlatform)Activator.CreateInstance(t)!, Connector: ConnectorOf(t)))
            .Where(p => p.Connector.GetConstructors().Any(c => c.GetParameters().Any(a => a.ParameterType == typeof(Connectors.Platforms.RotatedSecrets))))
            .Select(p => p.Platform.Kind).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(rotating, kinds);

        // The secrets the template scopes the app's Officer role to, evaluated by the Bicep console: each rotating
        // channel's AccessToken secret once, none of another kind's, none for a channel without one.
        var line = bicep.Split('\n').Single(l => l.StartsWith("var rotatedSecretNames = ", StringComparison.Ordinal));
        var script = new StringBuilder()
            .AppendLine("var channels = [")
            .AppendLine("{ kind: 'reddit', accessTokenSecretName: 'reddit-token' }")
            .AppendLine("{ kind: 'reddit', accessTokenSecretName: 'reddit-token' }")
            .AppendLine("{ kind: 'tiktok', accessTokenSecretName: 'tiktok-token' }")
            .AppendLine("{ kind: 'mastodon', accessTokenSecretName: 'mastodon-token' }")
            .AppendLine("{ kind: 'reddit' }")
            .AppendLine("{ kind: 'threads', accessTokenSecretName: '' }")
            .AppendLine("]")
            .AppendLine(declared.Value)
            .AppendLine(line)
            .AppendLine("rotatedSecretNames");
        var output = Console(script.ToString());
        var names = System.Text.RegularExpressions.Regex.Matches(output, @"'([^']*)'").Select(m => m.Groups[1].Value).ToArray();
        Assert.True(names.SequenceEqual(["reddit-token", "tiktok-token"]), script + "\n" + output);
    }

    private static Type ConnectorOf(Type platform)
    {
        for (var t = platform; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Connectors.Platforms.ChannelPlatform<>))
            {
                return t.GetGenericArguments()[0];
            }
        }

        throw new InvalidOperationException($"{platform.Name} is not a ChannelPlatform<TConnector>.");
    }

    /// <summary>Runs a script through the Bicep console and returns what it printed.</summary>
    private static string Console(string script)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Bicep, "console")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), output);
        return output;
    }

    /// <summary>
    /// The naming block of app.bicep, evaluated by the Bicep console for one environment name, with the token fixed or
    /// computed by uniqueString over stand-in subscription and group ids.
    /// </summary>
    private static Dictionary<string, string> EvaluateNames(string baseName, string? token)
    {
        var bicep = File.ReadAllText(Repo.PathOf("infra", "app.bicep"));
        var block = bicep[bicep.IndexOf("// naming:begin", StringComparison.Ordinal)..bicep.IndexOf("// naming:end", StringComparison.Ordinal)];
        var script = new StringBuilder()
            .AppendLine($"var baseName = '{baseName}'")
            .AppendLine(token is null ? "var token = toLower(uniqueString('/subscriptions/0000', '/resourceGroups/rg', baseName))" : $"var token = '{token}'");
        foreach (var line in block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)))
        {
            script.AppendLine(line);
        }

        script.AppendLine("names");
        var output = Console(script.ToString());
        var names = System.Text.RegularExpressions.Regex.Matches(output, @"^\s*(\w+): '([^']*)'", System.Text.RegularExpressions.RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.True(names.Count == 8, "The Bicep console did not evaluate the names:\n" + script + "\n" + output);
        return names;
    }

    /// <summary>azd's own rule for environment names: 1-64 of letters, digits, - _ . ( ) (azure-dev cli/azd/pkg/environment, EnvironmentNameRegexp).</summary>
    [Fact]
    public void Main_accepts_every_environment_name_azd_accepts()
    {
        var parameter = JsonNode.Parse(BuildJson("main.bicep"))!["parameters"]!["environmentName"]!;
        Assert.Equal(1, parameter["minLength"]!.GetValue<int>());
        Assert.Equal(64, parameter["maxLength"]!.GetValue<int>());
    }

    /// <summary>Resource group names: 1-90 of letters, digits, _ ( ) - . and not ending in '.' (resource-name-rules, Microsoft.Resources).</summary>
    [Theory]
    [InlineData("prod.", "rg-prod")]
    [InlineData("a.b..", "rg-a.b")]
    [InlineData("...", "rg-")]
    [InlineData("acme_outdoor.prod(eu)", "rg-acme_outdoor.prod(eu)")]
    [InlineData("a_b.c(d)e-f_g.h(i)j-k_l.m(n)o-p_q.r(s)t-u_v.w(x)y-z_0.1(2)3-4_5.", "rg-a_b.c(d)e-f_g.h(i)j-k_l.m(n)o-p_q.r(s)t-u_v.w(x)y-z_0.1(2)3-4_5")]
    public void The_resource_group_name_is_valid_for_a_name_that_ends_in_a_dot(string environmentName, string expected)
    {
        var main = File.ReadAllText(Repo.PathOf("infra", "main.bicep"));
        var block = main[main.IndexOf("// group:begin", StringComparison.Ordinal)..main.IndexOf("// group:end", StringComparison.Ordinal)];
        var script = new StringBuilder().AppendLine($"var baseName = '{environmentName}'");
        foreach (var line in block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)))
        {
            script.AppendLine(line);
        }

        script.AppendLine("{ group: groupName }");
        var output = Console(script.ToString());
        var name = System.Text.RegularExpressions.Regex.Match(output, @"group: '([^']*)'").Groups[1].Value;
        Assert.Equal(expected, name);
        Assert.Matches(@"^[-\w\._\(\)]{1,90}$", name);
        Assert.False(name.EndsWith('.'), name);
    }

    [Fact]
    public void The_optional_service_bus_is_a_topic_with_duplicate_detection_that_the_app_may_only_send_to()
    {
        var json = BuildJson("app.bicep");
        var template = JsonNode.Parse(json)!;
        var resources = template["resources"]!.AsObject().Select(r => r.Value!).ToList();
        JsonNode Of(string type) => resources.Single(r => r["type"]!.GetValue<string>() == type);

        var bus = Of("Microsoft.ServiceBus/namespaces");
        Assert.Equal("[parameters('serviceBus')]", bus["condition"]!.GetValue<string>());
        Assert.True(bus["properties"]!["disableLocalAuth"]!.GetValue<bool>());
        Assert.Equal("Standard", bus["sku"]!["name"]!.GetValue<string>()); // topics need Standard or Premium
        var topic = Of("Microsoft.ServiceBus/namespaces/topics");
        Assert.Equal("[parameters('serviceBus')]", topic["condition"]!.GetValue<string>());
        Assert.True(topic["properties"]!["requiresDuplicateDetection"]!.GetValue<bool>());

        // Azure Service Bus Data Sender (learn.microsoft.com/azure/role-based-access-control/built-in-roles/integration), on the topic.
        var sender = resources.Single(r => r["type"]!.GetValue<string>() == "Microsoft.Authorization/roleAssignments" && r["condition"]?.GetValue<string>() == "[parameters('serviceBus')]");
        Assert.Contains("69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", json, StringComparison.Ordinal);
        Assert.Contains("Microsoft.ServiceBus/namespaces/topics", sender["scope"]!.GetValue<string>(), StringComparison.Ordinal);

        // The sink's settings, as the app reads them (ServiceBusSinkTests starts the app with the same keys).
        foreach (var setting in new[] { "Notifications__Sinks__servicebus__Type", "Notifications__Sinks__servicebus__FullyQualifiedNamespace", "Notifications__Sinks__servicebus__QueueOrTopic", "Notifications__Sinks__servicebus__ClientId" })
        {
            Assert.Contains(setting, json, StringComparison.Ordinal);
        }

        // Deployment ordering against role propagation (docs/DEPLOY.md): the app exists only after every role of its identity.
        var dependsOn = Of("Microsoft.Web/sites")["dependsOn"]!.AsArray().Select(d => d!.GetValue<string>()).ToList();
        Assert.Superset(new HashSet<string> { "storageRoles", "vaultSecretsUser", "vaultSecretsWriter", "telemetryPublisher", "busSender" }, dependsOn.ToHashSet());

        var main = JsonNode.Parse(BuildJson("main.bicep"))!["parameters"]!;
        Assert.False(main["serviceBus"]!["defaultValue"]!.GetValue<bool>());
        Assert.Equal("warnings", main["serviceBusTopicName"]!["defaultValue"]!.GetValue<string>());
    }
}
