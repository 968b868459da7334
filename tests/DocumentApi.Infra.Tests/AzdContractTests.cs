using System.Text.RegularExpressions;

namespace DocumentApi.Infra.Tests;

/// <summary>What azd and a user rely on: names from the environment, tags, outputs, and the hand-off from main to the event step.</summary>
public sealed partial class AzdContractTests(InfraFixture infra)
{
    [Fact]
    public void EveryResourceNameEndsWithOneTokenDerivedFromTheEnvironment()
    {
        var token = infra.Main.Only("Microsoft.Storage/storageAccounts").Text("name")["st".Length..];
        (string Type, string Prefix)[] named =
        [
            ("Microsoft.Storage/storageAccounts", "st"),
            ("Microsoft.Web/sites", "func-api-"),
            ("Microsoft.Web/serverfarms", "plan-"),
            ("Microsoft.Insights/components", "appi-"),
            ("Microsoft.OperationalInsights/workspaces", "log-"),
            ("Microsoft.ManagedIdentity/userAssignedIdentities", "id-api-"),
            ("Microsoft.EventGrid/systemTopics", "evgt-"),
        ];

        Assert.Matches(Token(), token);
        Assert.All(named, resource => Assert.Equal($"{resource.Prefix}{token}", infra.Main.Only(resource.Type).Text("name")));
        Assert.Equal($"rg-{InfraFixture.EnvironmentName}", infra.Main.Only("Microsoft.Resources/resourceGroups").Text("name"));
    }

    [Fact]
    public void EveryTopLevelResourceIsTaggedWithTheEnvironmentName()
    {
        var tracked = infra.Main.Resources.Where(resource => resource.Find("location") is not null).ToList();

        Assert.NotEmpty(tracked);
        Assert.All(tracked, resource => Assert.Equal(InfraFixture.EnvironmentName, resource.Text("tags.azd-env-name")));
        Assert.All(tracked, resource => Assert.Equal(InfraFixture.Location, resource.Text("location")));
    }

    [Fact]
    public void TheOutputsGiveTheApiUrlTheStorageNamesAndApplicationInsights()
    {
        var outputs = infra.Main.Outputs;
        var siteId = infra.Main.Only("Microsoft.Web/sites").Text("id");

        Assert.Equal($"[format('https://{{0}}/api', reference('{siteId}', '2024-11-01').defaultHostName)]", outputs["API_BASE_URL"]);
        Assert.Equal(infra.Main.Only("Microsoft.Storage/storageAccounts").Text("name"), outputs["AZURE_STORAGE_ACCOUNT_NAME"]);
        Assert.Equal("documents", outputs["DOCUMENTS_CONTAINER_NAME"]);
        Assert.Equal(infra.Main.Only("Microsoft.Insights/components").Text("name"), outputs["APPLICATIONINSIGHTS_NAME"]);
        Assert.Equal(infra.Main.Only("Microsoft.Web/sites").Text("name"), outputs["AZURE_FUNCTION_APP_NAME"]);
        Assert.Equal(InfraFixture.TenantId, outputs["AZURE_TENANT_ID"]);
    }

    [Theory]
    [InlineData("infra/events.bicepparam", @"readEnvironmentVariable\('(?<name>[A-Z_]+)'")]
    [InlineData("scripts/postdeploy.sh", @"^  (?<name>[A-Z_]+) \\$")]
    public void TheEventStepNeedsOnlyWhatMainAndAzdProvide(string file, string variablePattern)
    {
        var text = File.ReadAllText(Path.Combine(BicepCli.RepoRoot, file));
        var needed = Regex.Matches(text, variablePattern, RegexOptions.Multiline).Select(match => match.Groups["name"].Value).ToList();
        // azd writes these itself for every environment.
        string[] fromAzd = ["AZURE_SUBSCRIPTION_ID", "AZURE_ENV_NAME"];

        Assert.NotEmpty(needed);
        Assert.All(needed, name => Assert.True(infra.Main.Outputs.ContainsKey(name) || fromAzd.Contains(name), $"{file} needs {name}, which main.bicep does not output"));
    }

    [Fact]
    public void AzureYamlDeploysTheFunctionsProjectAsServiceApiAndRunsThePostdeployHook()
    {
        var lines = File.ReadAllLines(Path.Combine(BicepCli.RepoRoot, "azure.yaml")).Select(line => line.Trim()).ToList();

        Assert.Contains("api:", lines);
        Assert.Contains("project: ./src/DocumentApi.Functions", lines);
        Assert.Contains("language: dotnet", lines);
        Assert.Contains("host: function", lines);
        Assert.Contains("postdeploy:", lines);
        Assert.All(
            lines.Where(line => line.StartsWith("run: ", StringComparison.Ordinal)).Select(line => line["run: ".Length..]),
            script => Assert.True(File.Exists(Path.Combine(BicepCli.RepoRoot, script)), $"azure.yaml runs {script}, which does not exist"));
    }

    [GeneratedRegex("^[a-z0-9]{13}$")]
    private static partial Regex Token();
}
