namespace DocumentApi.Infra.Tests;

/// <summary>The app identity holds exactly the built-in data roles it needs, each on the narrowest scope that works.</summary>
public sealed class RoleAssignmentTests(InfraFixture infra)
{
    private readonly string _identityId = infra.Main.Only("Microsoft.ManagedIdentity/userAssignedIdentities").Text("id");

    private readonly string _storageAccountId = infra.Main.Only("Microsoft.Storage/storageAccounts").Text("id");

    private readonly string _applicationInsightsId = infra.Main.Only("Microsoft.Insights/components").Text("id");

    private static IReadOnlyList<RoleAssignment> Assignments(DeploymentSnapshot snapshot) =>
        [.. snapshot.OfType("Microsoft.Authorization/roleAssignments").Select(RoleAssignment.From)];

    private bool IsAppIdentity(RoleAssignment assignment) => Arm.IsReference(assignment.PrincipalId, _identityId, "principalId");

    [Fact]
    public void TheAppIdentityHoldsExactlyTheDataRolesItNeeds()
    {
        var granted = Assignments(infra.Main).Where(IsAppIdentity)
            .Select(assignment => (assignment.RoleId, assignment.Scope))
            .Order();

        (string, string)[] expected =
        [
            (RoleAssignment.StorageBlobDataOwner, _storageAccountId),
            (RoleAssignment.StorageQueueDataContributor, _storageAccountId),
            (RoleAssignment.StorageTableDataContributor, _storageAccountId),
            (RoleAssignment.MonitoringMetricsPublisher, _applicationInsightsId),
        ];
        Assert.Equal(expected.Order(), granted);
    }

    [Fact]
    public void EveryAssignmentIsNamedFromItsScopePrincipalAndRole()
    {
        Assert.All(Assignments(infra.Main).Where(IsAppIdentity), assignment =>
        {
            Assert.Equal($"[guid('{assignment.Scope}', {assignment.PrincipalId[1..^1]}, '{assignment.RoleId}')]", assignment.Name);
            Assert.Equal("ServicePrincipal", assignment.PrincipalType);
            Assert.Equal($"/subscriptions/{InfraFixture.SubscriptionId}/providers/Microsoft.Authorization/roleDefinitions/{assignment.RoleId}", assignment.RoleDefinitionId);
        });
    }

    [Fact]
    public void NoAssignmentGrantsAManagementRole()
    {
        string[] managementRoles = [RoleAssignment.Owner, RoleAssignment.Contributor, RoleAssignment.UserAccessAdministrator, RoleAssignment.StorageAccountContributor];

        Assert.DoesNotContain(Assignments(infra.Main), assignment => managementRoles.Contains(assignment.RoleId));
    }

    [Fact]
    public void TheDeveloperMayWriteOnlyToTheDocumentsContainer()
    {
        var developer = Assert.Single(Assignments(infra.Main), assignment => assignment.PrincipalId == InfraFixture.DeveloperPrincipalId);

        Assert.Equal(RoleAssignment.StorageBlobDataContributor, developer.RoleId);
        Assert.Equal($"{_storageAccountId}/blobServices/default/containers/{infra.Main.Outputs["DOCUMENTS_CONTAINER_NAME"]}", developer.Scope);
        Assert.Equal("User", developer.PrincipalType);
    }

    [Fact]
    public void WithoutADeveloperPrincipalOnlyTheAppIdentityIsGrantedRoles()
    {
        Assert.All(Assignments(infra.MainWithoutPrincipal), assignment => Assert.True(IsAppIdentity(assignment), assignment.ToString()));
        Assert.Equal(4, Assignments(infra.MainWithoutPrincipal).Count);
    }
}
