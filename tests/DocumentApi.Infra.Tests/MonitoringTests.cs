namespace DocumentApi.Infra.Tests;

/// <summary>Telemetry lands in a Log Analytics workspace through an Application Insights component that accepts only Entra ID.</summary>
public sealed class MonitoringTests(InfraFixture infra)
{
    [Fact]
    public void ApplicationInsightsIsWorkspaceBasedAndRefusesInstrumentationKeyIngestion()
    {
        var applicationInsights = infra.Main.Only("Microsoft.Insights/components");

        Assert.Equal(infra.Main.Only("Microsoft.OperationalInsights/workspaces").Text("id"), applicationInsights.Text("properties.WorkspaceResourceId"));
        Assert.True(applicationInsights.At("properties.DisableLocalAuth").GetBoolean(), "local (instrumentation key) auth must be disabled");
        Assert.Equal(infra.Main.Outputs["APPLICATIONINSIGHTS_NAME"], applicationInsights.Text("name"));
    }

    [Fact]
    public void TheWorkspaceKeepsTheIncludedThirtyDays()
    {
        var workspace = infra.Main.Only("Microsoft.OperationalInsights/workspaces");

        Assert.Equal(30, workspace.At("properties.retentionInDays").GetInt32());
        Assert.Equal("PerGB2018", workspace.Text("properties.sku.name"));
    }
}
