using System.Text.Json;

namespace DocumentApi.Infra.Tests;

/// <summary>Every connection the app makes is identity-based; no setting holds a key, a SAS or a storage connection string.</summary>
public sealed class AppSettingsTests(InfraFixture infra)
{
    private readonly IReadOnlyDictionary<string, string> _settings = infra.Main.Only("Microsoft.Web/sites/config").At("properties")
        .EnumerateObject().ToDictionary(setting => setting.Name, setting => setting.Value.GetString()!);

    private readonly string _identityId = infra.Main.Only("Microsoft.ManagedIdentity/userAssignedIdentities").Text("id");

    private readonly string _storageAccountId = infra.Main.Only("Microsoft.Storage/storageAccounts").Text("id");

    [Fact]
    public void TheSettingsBelongToTheFunctionApp()
    {
        var config = infra.Main.Only("Microsoft.Web/sites/config");

        Assert.Equal($"{infra.Main.Only("Microsoft.Web/sites").Text("id")}/config/appsettings", config.Text("id"));
    }

    [Theory]
    [InlineData("AzureWebJobsStorage")]
    [InlineData("DocumentStorage")]
    public void AStorageConnectionUsesTheUserAssignedIdentity(string connection)
    {
        Assert.Equal("managedidentity", _settings[$"{connection}__credential"]);
        Assert.True(Arm.IsReference(_settings[$"{connection}__clientId"], _identityId, "clientId"), _settings[$"{connection}__clientId"]);
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            var uri = _settings[$"{connection}__{service}ServiceUri"];
            Assert.True(Arm.IsReference(uri, _storageAccountId, $"primaryEndpoints.{service}"), $"{connection}__{service}ServiceUri is {uri}");
        }

        Assert.DoesNotContain(connection, _settings.Keys);
    }

    [Fact]
    public void TheDocumentsContainerIsTheOneTheBlobTriggerWatches()
    {
        // Blob trigger paths are compile-time constants, so the template and the adapter must agree on the name.
        Assert.Equal("documents", infra.Main.Outputs["DOCUMENTS_CONTAINER_NAME"]);
        var functions = File.ReadAllText(Path.Combine(
            BicepCli.RepoRoot, "src", "DocumentApi.Functions", "IngestionFunctions.cs"));
        Assert.Contains("private const string Container = \"documents\";", functions, StringComparison.Ordinal);
    }

    [Fact]
    public void TelemetryIsSentWithAnEntraIdToken()
    {
        var applicationInsightsId = infra.Main.Only("Microsoft.Insights/components").Text("id");

        Assert.True(Arm.IsReference(_settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], applicationInsightsId, "ConnectionString"));
        Assert.StartsWith("[format('ClientId={0};Authorization=AAD', reference('", _settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
        Assert.EndsWith($"{_identityId}', '2023-01-31').clientId)]", _settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
    }

    [Fact]
    public void NoSettingHoldsAKeyOrASharedAccessSignature()
    {
        string[] secretMarkers = ["AccountKey", "SharedAccessSignature", "sig=", "listKeys", "Sas(", "DefaultEndpointsProtocol", "InstrumentationKey="];

        Assert.All(_settings, setting => Assert.All(
            secretMarkers,
            marker => Assert.DoesNotContain(marker, setting.Value, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"],
            _settings.Keys.Where(name => name.Contains("CONNECTION", StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    [InlineData("WEBSITE_CONTENTSHARE")]
    [InlineData("APPINSIGHTS_INSTRUMENTATIONKEY")]
    public void ASettingFlexConsumptionRejectsOrThatCarriesAKeyIsAbsent(string name)
    {
        Assert.DoesNotContain(name, _settings.Keys);
    }

    [Fact]
    public void NoTemplateOutsideTheEventStepReadsAKey()
    {
        string[] keyFunctions = ["listKeys(", "listAccountSas(", "listServiceSas(", "listConnectionStrings(", "listSecrets("];

        Assert.All(
            infra.CompiledTemplates.Where(template => template.Key != "events.bicep"),
            template => Assert.All(keyFunctions, function => Assert.DoesNotContain(function, template.Value, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void TheEventStepReadsOnlyTheFunctionHostsSystemKeys()
    {
        using var template = JsonDocument.Parse(infra.CompiledTemplates["events.bicep"]);
        var listCalls = infra.CompiledTemplates["events.bicep"].Split("listKeys(").Skip(1).ToList();

        Assert.NotEmpty(listCalls);
        Assert.All(listCalls, call => Assert.StartsWith("format('{0}/host/default', resourceId('Microsoft.Web/sites', parameters('functionAppName')))", call, StringComparison.Ordinal));
        Assert.DoesNotContain(template.RootElement.At("outputs").EnumerateObject(), output => output.Value.GetRawText().Contains("listKeys", StringComparison.Ordinal));
    }
}
