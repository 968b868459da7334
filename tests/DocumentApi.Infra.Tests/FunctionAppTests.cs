namespace DocumentApi.Infra.Tests;

/// <summary>The Function App runs .NET 10 isolated on Flex Consumption, as the user-assigned identity, over HTTPS only.</summary>
public sealed class FunctionAppTests(InfraFixture infra)
{
    private const string SiteType = "Microsoft.Web/sites";

    [Fact]
    public void ThePlanIsFlexConsumptionOnLinux()
    {
        var plan = infra.Main.Only("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.Text("sku.name"));
        Assert.Equal("FlexConsumption", plan.Text("sku.tier"));
        Assert.True(plan.At("properties.reserved").GetBoolean(), "a Flex Consumption plan must be Linux (reserved)");
        Assert.Equal(plan.Text("id"), infra.Main.Only(SiteType).Text("properties.serverFarmId"));
    }

    [Fact]
    public void TheAppRunsTheDotnetIsolatedWorkerOnDotnet10()
    {
        var site = infra.Main.Only(SiteType);

        Assert.Equal("functionapp,linux", site.Text("kind"));
        Assert.Equal("dotnet-isolated", site.Text("properties.functionAppConfig.runtime.name"));
        Assert.Equal("10.0", site.Text("properties.functionAppConfig.runtime.version"));
    }

    [Fact]
    public void TheAppIsServedOverHttpsOnlyWithFtpsOffAndTls12()
    {
        Assert.Empty(SecurityBaseline.FunctionAppViolations(infra.Main.Only(SiteType)));
    }

    [Fact]
    public void BasicAuthenticationPublishingIsDisabled()
    {
        var policies = infra.Main.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies")
            .ToDictionary(policy => policy.Text("name").Split('/')[^1], policy => policy.At("properties.allow").GetBoolean());

        Assert.Equal(new Dictionary<string, bool> { ["ftp"] = false, ["scm"] = false }, policies);
    }

    [Fact]
    public void TheAppRunsAsTheUserAssignedIdentityOnly()
    {
        var site = infra.Main.Only(SiteType);
        var identityId = infra.Main.Only("Microsoft.ManagedIdentity/userAssignedIdentities").Text("id");

        Assert.Equal("UserAssigned", site.Text("identity.type"));
        Assert.Equal([identityId], site.At("identity.userAssignedIdentities").EnumerateObject().Select(identity => identity.Name));
    }

    [Fact]
    public void TheDeploymentPackageContainerIsReachedWithTheIdentity()
    {
        var site = infra.Main.Only(SiteType);
        var storage = site.At("properties.functionAppConfig.deployment.storage");
        var storageAccountId = infra.Main.Only("Microsoft.Storage/storageAccounts").Text("id");
        var packageContainer = infra.Main.OfType("Microsoft.Storage/storageAccounts/blobServices/containers")
            .Select(container => container.Text("name").Split('/')[^1])
            .Single(name => name.StartsWith("app-package-", StringComparison.Ordinal));

        Assert.Equal("blobContainer", storage.Text("type"));
        Assert.Equal($"[format('{{0}}{{1}}', reference('{storageAccountId}', '2024-01-01').primaryEndpoints.blob, '{packageContainer}')]", storage.Text("value"));
        Assert.Equal("UserAssignedIdentity", storage.Text("authentication.type"));
        Assert.Equal(
            infra.Main.Only("Microsoft.ManagedIdentity/userAssignedIdentities").Text("id"),
            storage.Text("authentication.userAssignedIdentityResourceId"));
    }

    [Fact]
    public void ScaleOutIsCappedForCostControl()
    {
        var scale = infra.Main.Only(SiteType).At("properties.functionAppConfig.scaleAndConcurrency");

        Assert.Equal(2048, scale.At("instanceMemoryMB").GetInt32());
        Assert.InRange(scale.At("maximumInstanceCount").GetInt32(), 40, 100);
    }

    [Fact]
    public void AzdFindsTheAppByItsServiceNameTag()
    {
        var site = infra.Main.Only(SiteType);

        Assert.Equal("api", site.Text("tags.azd-service-name"));
        Assert.Equal(InfraFixture.EnvironmentName, site.Text("tags.azd-env-name"));
    }
}
